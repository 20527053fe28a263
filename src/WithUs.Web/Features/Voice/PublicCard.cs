namespace WithUs.Web.Features.Voice;

/// <summary>
/// One outcome as the public read it on "You said, we did". The outcome page previews the same card, so staff see
/// exactly what will go out before it does.
/// </summary>
public sealed record PublicCard(string YouSaid, OutcomeStatus Outcome, NotPossibleReason? Reason, string? PublicOutcome,
    int Voices, string When, string? MeTooUrl = null)
{
    public IReadOnlyList<string> WeDid => PublicWords.WeDid(Outcome, Reason, PublicOutcome);
}
