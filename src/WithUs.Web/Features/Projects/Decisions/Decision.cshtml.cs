using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// One decision as evidence: the facts recorded, who was in the room by name, and its level with why. There is no
/// changing it: a decision made again is a new decision.
/// </summary>
public sealed class DecisionModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public Decision Decision => RouteResource<Decision>();

    public IReadOnlyList<string> Options { get; private set; } = [];

    /// <summary>The meeting it was decided at, when it still exists.</summary>
    public (string Title, DateTime StartsAtUtc)? Meeting { get; private set; }

    /// <summary>Who was in the room and is still known by name (an erased person is not), partners first.</summary>
    public IReadOnlyList<(string Name, bool IsPartner)> InTheRoom { get; private set; } = [];

    public string? RecordedBy { get; private set; }

    /// <summary>Why it has its level, in the rule's words; null if the rule now says otherwise (it was worked out by an earlier rule).</summary>
    public string? Why { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var decision = Decision;
        if (decision.ProjectId != Project.Id)
        {
            return NotFound();
        }

        Options = ParticipationRule.OptionLines(decision.Options);
        var (level, why) = ParticipationRule.Derive(decision.How, decision.PartnersPresent, decision.StaffPresent, Options.Count);
        Why = level == decision.Level ? why : null;
        if (decision.MeetingId is { } meetingId)
        {
            var meeting = await db.Set<Meeting>().AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Title, m.StartsAtUtc }).FirstOrDefaultAsync(cancellationToken);
            Meeting = meeting is null ? null : (meeting.Title, meeting.StartsAtUtc);
        }

        var present = await db.Set<DecisionPresent>().AsNoTracking().Where(p => p.DecisionId == decision.Id)
            .Join(db.Set<ProjectMember>(), p => p.MemberId, m => m.Id, (p, m) => new
            {
                IsPartner = m.PersonId != null,
                PersonName = m.Person != null ? m.Person.Name : null,
                StaffName = db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        InTheRoom = present.Select(p => (Name: p.PersonName ?? p.StaffName ?? "Someone whose account is gone", p.IsPartner))
            .OrderBy(p => !p.IsPartner).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (decision.RecordedByUserId is { } by)
        {
            RecordedBy = await db.Users.AsNoTracking().Where(u => u.Id == by).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }
}
