namespace WithUs.Web.Features.Voice;

/// <summary>Easy-read words for the public pages: short sentences, everyday words.</summary>
public static class PublicWords
{
    public static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The kinds a member of the public can choose, in the order the form offers them.</summary>
    public static readonly IReadOnlyList<ContributionKind> Kinds =
    [
        ContributionKind.Idea, ContributionKind.Feedback, ContributionKind.Concern, ContributionKind.Praise,
        ContributionKind.Question,
    ];

    public static string Label(ContributionKind kind) => kind switch
    {
        ContributionKind.Idea => "An idea",
        ContributionKind.Feedback => "What you think about something",
        ContributionKind.Concern => "A worry",
        ContributionKind.Praise => "Something good",
        ContributionKind.Need => "Something you need",
        _ => "A question",
    };

    public static string Hint(ContributionKind kind) => kind switch
    {
        ContributionKind.Idea => "Something we could do or change.",
        ContributionKind.Feedback => "Something we do, or something that happened.",
        ContributionKind.Concern => "Something that is not right, or could go wrong.",
        ContributionKind.Praise => "Something that went well, or that you like.",
        ContributionKind.Need => "Something that would help you.",
        _ => "Something you want to ask us.",
    };

    /// <summary>What happened, as a short sentence.</summary>
    public static string Outcome(OutcomeStatus outcome) => outcome switch
    {
        OutcomeStatus.New => "We have not looked at this yet.",
        OutcomeStatus.BeingConsidered => "We are thinking about it.",
        OutcomeStatus.Planned => "We are going to do it.",
        OutcomeStatus.PartOfProject => "It is part of a bigger piece of work.",
        OutcomeStatus.Done => "We did it.",
        _ => "We cannot do this.",
    };

    /// <summary>Why not, when something is not possible.</summary>
    public static string? Reason(NotPossibleReason? reason) => reason switch
    {
        NotPossibleReason.OutsideWhatWeCanChange => "It is not something we can change.",
        NotPossibleReason.NonNegotiableBoundary => "It goes against a rule we must keep.",
        NotPossibleReason.NotAffordableNow => "We do not have the money for it now.",
        NotPossibleReason.SomeoneElsesResponsibility => "Someone else is in charge of this.",
        _ => null,
    };

    /// <summary>
    /// "We did", a line each: the outcome in a few words, why not, then the words staff wrote for the public (never
    /// those written for the person who said it).
    /// </summary>
    public static IReadOnlyList<string> WeDid(OutcomeStatus outcome, NotPossibleReason? reason, string? publicOutcome)
    {
        List<string> lines = [Outcome(outcome)];
        if (Reason(reason) is { } why)
        {
            lines.Add(why);
        }

        if (!string.IsNullOrWhiteSpace(publicOutcome))
        {
            lines.Add(publicOutcome);
        }

        return lines;
    }

    /// <summary>What leads in to the name of the published project an idea is part of: "We are working on it together:".</summary>
    public static string PartOfProject(OutcomeStatus outcome) =>
        outcome == OutcomeStatus.Done ? "We did it together with the people who use our services:" : "We are working on it together:";

    public static string Voices(int count) => count == 1 ? "1 person said this" : $"{count} people said this";

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", British);
}
