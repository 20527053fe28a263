using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.Web.Features.Projects.Published;

/// <summary>
/// A project as anyone may read it once staff publish it (<see cref="PublishedProjects"/>): the summary staff wrote for
/// the public, where it stands, what is open and what is fixed now, its decisions and how far partners shared them,
/// what it did, and how many people's words led to it. Nothing personal: partners who agreed to be named are named,
/// the rest only counted; never anyone's needs, meetings, notes, expenses or who disagreed.
/// </summary>
public sealed record PublishedProject(
    Guid Id,
    string Title,
    string? Summary,
    DateTime? PublishedAtUtc,
    IReadOnlyList<PublishedPhase> Phases,
    IReadOnlyList<PublishedBoundary> Boundaries,
    IReadOnlyList<PublishedDecision> Decisions,
    ParticipationProfile Profile,
    PublishedTeam Team,
    DateTime? DeliveredAtUtc,
    string? Delivered,
    int Ideas,
    int People,
    IReadOnlyList<PublishedIdea> PublishedIdeas)
{
    public IEnumerable<PublishedBoundary> Open => Boundaries.Where(b => b.Kind == BoundaryKind.Open);

    public IEnumerable<PublishedBoundary> Fixed => Boundaries.Where(b => b.Kind == BoundaryKind.Fixed);

    /// <summary>"It started from 3 things people told us, said by 14 people."</summary>
    public string WhereItCameFrom => Ideas switch
    {
        0 => "It was started by the team, not from something people told us.",
        1 => $"It started from something people told us, said by {PeopleWords(People)}.",
        _ => $"It started from {Ideas} things people told us, said by {PeopleWords(People)}.",
    };

    private static string PeopleWords(int people) => people == 1 ? "1 person" : $"{people} people";
}
