namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// The one place a decision's participation level is worked out, from facts someone who was there recorded: how it
/// was decided, how many partners and staff were in the room, and how many options were considered. Nobody types a
/// level in, and nothing overrides it. docs/participation-levels.md and the "How the level is worked out" page say the
/// same in plain words (<see cref="Lines"/>; a test checks the docs against it).
/// </summary>
public static class ParticipationRule
{
    /// <summary>The rule as a table: when this is what happened, this is the level. The last line applies to them all.</summary>
    public static IReadOnlyList<(string When, string Then)> Lines { get; } =
    [
        ("Partners were told after it was decided", "Informing"),
        ("Staff decided alone, without asking partners, even with partners in the room", "Informing"),
        ("Staff decided after asking partners, with no partner in the room when they decided", "Consultation"),
        ("Staff decided after asking partners, with partners in the room when they decided", "Involvement"),
        ("Staff and partners decided together (by agreement or by a vote), and staff outnumbered partners in the room", "Co-design"),
        ("Staff and partners decided together (by agreement or by a vote), with at least as many partners in the room as staff", "Co-production"),
        ("Partners decided", "Co-production"),
        ("Whichever of these: fewer than two options were considered", "Co-production becomes co-design"),
    ];

    /// <summary>The level, and why, in plain words that name the facts it came from.</summary>
    public static (ParticipationLevel Level, string Why) Derive(DecisionWay how, int partnersPresent, int staffPresent, int optionsConsidered)
    {
        var room = $"({Count(partnersPresent, "partner", "partners")}, {staffPresent} staff)";
        var (level, facts) = how switch
        {
            DecisionWay.PartnersInformedAfterwards =>
                (ParticipationLevel.Informing, "Partners were told after it was decided, so they had no say in it."),
            DecisionWay.StaffAlone when partnersPresent > 0 =>
                (ParticipationLevel.Informing, $"Staff decided alone, without asking partners. {Were(partnersPresent)} in the room but had no say, so they could at most be told."),
            DecisionWay.StaffAlone =>
                (ParticipationLevel.Informing, "Staff decided alone, without asking partners, so partners could at most be told."),
            DecisionWay.StaffAfterConsultingPartners when partnersPresent > 0 =>
                (ParticipationLevel.Involvement, $"Staff decided after asking partners what they thought, and {Were(partnersPresent)} in the room as they decided, so partners could speak to it. Staff still made the choice."),
            DecisionWay.StaffAfterConsultingPartners =>
                (ParticipationLevel.Consultation, "Staff asked partners what they thought, then decided with no partner in the room."),
            DecisionWay.TogetherByConsensus or DecisionWay.TogetherByVote when staffPresent > partnersPresent =>
                (ParticipationLevel.CoDesign, $"Staff and partners decided together, {Together(how)}, but staff outnumbered partners in the room {room}, so partners shaped it without an equal voice."),
            DecisionWay.TogetherByConsensus or DecisionWay.TogetherByVote =>
                (ParticipationLevel.CoProduction, $"Staff and partners decided together, {Together(how)}, with at least as many partners in the room as staff {room}."),
            _ => (ParticipationLevel.CoProduction, "Partners made the decision."),
        };

        if (level == ParticipationLevel.CoProduction && optionsConsidered < 2)
        {
            var options = optionsConsidered == 0 ? "no options were written down" : "only one option was considered";
            return (ParticipationLevel.CoDesign,
                $"{facts} That would be co-production, but {options}, so partners shaped a decision without choosing between options. That is co-design.");
        }

        return (level, $"{facts} That is {level.Words().ToLowerInvariant()}.");
    }

    /// <summary>
    /// What is wrong with these facts, each with the field it belongs to (<c>Present</c>, <c>VotesFor</c>,
    /// <c>VotesAgainst</c>, <c>VotesAbstained</c>): the messages a page shows. Empty when they can stand together.
    /// Vote counts are only looked at for a vote.
    /// </summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(DecisionWay how, int partnersPresent, int staffPresent,
        int? votesFor, int? votesAgainst, int? votesAbstained)
    {
        var problems = new List<(string Field, string Message)>();
        var people = partnersPresent + staffPresent;
        if (people <= 0)
        {
            problems.Add(("Present", "Tick who was in the room when it was decided"));
        }
        else if (how.NeedsPartnersInTheRoom() && partnersPresent <= 0)
        {
            problems.Add(("Present", "Nobody from the partners was in the room, so it cannot have been decided with them"));
        }

        if (how != DecisionWay.TogetherByVote)
        {
            return problems;
        }

        var counts = new (string Field, int? Value, string Missing, string Called)[]
        {
            ("VotesFor", votesFor, "Enter how many voted for it", "The number who voted for it"),
            ("VotesAgainst", votesAgainst, "Enter how many voted against it", "The number who voted against it"),
            ("VotesAbstained", votesAbstained, "Enter how many did not vote either way, or 0 if everyone voted", "The number who did not vote either way"),
        };
        foreach (var (field, value, missing, called) in counts)
        {
            if (value is null)
            {
                problems.Add((field, missing));
            }
            else if (value < 0)
            {
                problems.Add((field, $"{called} must be 0 or more"));
            }
        }

        if (votesFor is not { } yes || votesAgainst is not { } no || votesAbstained is not { } neither || yes < 0 || no < 0 || neither < 0)
        {
            return problems;
        }

        var votes = (long)yes + no + neither;
        if (yes == 0 && no == 0)
        {
            problems.Add(("VotesFor", "Nobody voted for or against it, so it was not decided by a vote"));
        }
        else if (votes > people && people > 0)
        {
            problems.Add(("VotesFor", $"That is {votes:N0} votes, but {Count(people, "person was", "people were")} in the room: there cannot be more votes than people"));
        }

        return problems;
    }

    /// <summary>The options considered: each line of <paramref name="options"/> that has words, the same one once.</summary>
    public static IReadOnlyList<string> OptionLines(string? options) =>
        (options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.CurrentCultureIgnoreCase).ToList();

    private static string Together(DecisionWay how) => how == DecisionWay.TogetherByVote ? "by a vote" : "by agreement";

    private static string Were(int partners) => partners == 1 ? "1 partner was" : $"{partners} partners were";

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n:N0} {many}";
}
