using WithUs.Web.Features.Account;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Projects.Mine;

/// <summary>A partner's projects: each one they are in, their role, where it stands and their next meeting.</summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class IndexModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public IReadOnlyList<Row> Projects { get; private set; } = [];

    public PhaseNaming Names { get; private set; } = new(new Dictionary<CoPhase, string>());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User)!.Value;
        Names = await PhaseNaming.ForAsync(db, cancellationToken);
        var now = clock.UtcNow;
        var today = clock.StoredToday;
        var places = await PartnerProjects.PlacesOf(db, userId).AsNoTracking()
            .Join(db.Set<Project>(), m => m.ProjectId, p => p.Id, (m, p) => new
            {
                p.Id,
                p.Title,
                m.Role,
                Next = db.Set<MeetingInvitee>().Where(i => i.MemberId == m.Id)
                    .Join(db.Set<Meeting>(), i => i.MeetingId, x => x.Id, (i, x) => x)
                    .Where(x => x.CancelledAtUtc == null && x.StartsAtUtc >= now)
                    .OrderBy(x => x.StartsAtUtc).Select(x => (DateTime?)x.StartsAtUtc).FirstOrDefault(),
                ToDo = db.Set<Actions.ProjectAction>().Count(a => a.MemberId == m.Id && a.DoneAtUtc == null),
                Overdue = db.Set<Actions.ProjectAction>().Count(a => a.MemberId == m.Id && a.DoneAtUtc == null && a.DueOn < today),
            })
            .ToListAsync(cancellationToken);
        var ids = places.Select(p => p.Id).ToList();
        var phases = (await db.Set<ProjectPhase>().AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToListAsync(cancellationToken)).ToLookup(p => p.ProjectId);
        Projects = places.OrderBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new Row(p.Id, p.Title, p.Role, ProjectPhase.Current(phases[p.Id].ToList()), p.Next, p.ToDo, p.Overdue)).ToList();
    }

    public string When(DateTime utc) => clock.Local(utc).ToString("dddd d MMMM, HH:mm", OrganisationClock.British);

    /// <param name="ActionsToDo">Their own actions not done yet, and how many of those are overdue.</param>
    public sealed record Row(Guid Id, string Title, string Role, CoPhase Phase, DateTime? NextMeetingUtc, int ActionsToDo, int ActionsOverdue);
}
