namespace WithUs.Web.Features.Voice;

/// <summary>
/// One outcome as the public read it on "You said, we did". The outcome page previews the same card, so staff see
/// exactly what will go out before it does. <paramref name="ProjectTitle"/> and <paramref name="ProjectUrl"/> name the
/// project it is part of, when the organisation published that project.
/// </summary>
public sealed record PublicCard(string YouSaid, OutcomeStatus Outcome, NotPossibleReason? Reason, string? PublicOutcome,
    int Voices, string When, string? MeTooUrl = null, string? ProjectTitle = null, string? ProjectUrl = null)
{
    public string ProjectLine => PublicWords.PartOfProject(Outcome);

    public IReadOnlyList<string> WeDid => PublicWords.WeDid(Outcome, Reason, PublicOutcome);
}
