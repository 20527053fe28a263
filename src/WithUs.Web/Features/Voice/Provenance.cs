namespace WithUs.Web.Features.Voice;

/// <summary>Whether we heard it from the person, or from someone speaking for them (seed 004: "second or even third parties").</summary>
public enum Provenance
{
    FirstHand = 0,
    OnTheirBehalf = 1,
}
