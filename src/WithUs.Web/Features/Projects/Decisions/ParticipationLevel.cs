namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// The rungs of the ladder of participation as Leeds updated Arnstein's ladder for co-production (seed 004, Figure 1):
/// informing, consulting, engaging (involvement), co-designing and co-producing. Numbered from the bottom rung, so a
/// higher number is a higher rung. Always <see cref="ParticipationRule"/>'s output, never typed in.
/// </summary>
public enum ParticipationLevel
{
    Informing = 1,
    Consultation = 2,
    Involvement = 3,
    CoDesign = 4,
    CoProduction = 5,
}

public static class ParticipationLevelWords
{
    /// <summary>From the bottom rung to the top.</summary>
    public static IReadOnlyList<ParticipationLevel> All { get; } = Enum.GetValues<ParticipationLevel>();

    public static string Words(this ParticipationLevel level) => level switch
    {
        ParticipationLevel.Informing => "Informing",
        ParticipationLevel.Consultation => "Consultation",
        ParticipationLevel.Involvement => "Involvement",
        ParticipationLevel.CoDesign => "Co-design",
        _ => "Co-production",
    };

    /// <summary>What it means for the partners, in a sentence.</summary>
    public static string Description(this ParticipationLevel level) => level switch
    {
        ParticipationLevel.Informing => "Partners were told what was decided. They had no say in it.",
        ParticipationLevel.Consultation => "Partners were asked what they thought, then staff decided without them.",
        ParticipationLevel.Involvement => "Partners were in the room and could speak as staff decided, but staff made the choice.",
        ParticipationLevel.CoDesign => "Partners shaped the decision with staff, but without an equal say or a choice between options.",
        _ => "Partners decided, or decided with staff as equals, choosing between options.",
    };

    /// <summary>The GOV.UK tag colour: the higher the rung, the more it says partners shared the decision.</summary>
    public static string TagClass(this ParticipationLevel level) => level switch
    {
        ParticipationLevel.Informing => "govuk-tag--grey",
        ParticipationLevel.Consultation => "govuk-tag--yellow",
        ParticipationLevel.Involvement => "govuk-tag--light-blue",
        ParticipationLevel.CoDesign => "govuk-tag--blue",
        _ => "govuk-tag--green",
    };

    /// <summary>Whether partners shared the decision itself: co-designed or co-produced.</summary>
    public static bool IsShared(this ParticipationLevel level) => level >= ParticipationLevel.CoDesign;
}
