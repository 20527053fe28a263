using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>The people a meeting concerns, with what each needs to take part, read in a fixed number of queries.</summary>
public static class MeetingPeople
{
    /// <summary>The project's current team, staff first, then partners, each by name.</summary>
    public static async Task<List<Invited>> TeamAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        Order(await Query(db, db.Set<ProjectMember>().Where(m => m.ProjectId == projectId && m.LeftAtUtc == null)).ToListAsync(cancellationToken));

    /// <summary>Everyone invited to a meeting, with whether they came and were reminded.</summary>
    public static async Task<List<(Invited Person, MeetingInvitee Invitee)>> InvitedAsync(WithUsDbContext db, Guid meetingId, CancellationToken cancellationToken)
    {
        var invitees = await db.Set<MeetingInvitee>().AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        var memberIds = invitees.Select(i => i.MemberId).ToList();
        var people = await Query(db, db.Set<ProjectMember>().Where(m => memberIds.Contains(m.Id))).ToListAsync(cancellationToken);
        var byMember = invitees.ToDictionary(i => i.MemberId);
        return Order(people).Select(p => (p, byMember[p.MemberId])).ToList();
    }

    private static IQueryable<Invited> Query(WithUsDbContext db, IQueryable<ProjectMember> members) =>
        members.AsNoTracking().Select(m => new Invited(
            m.Id,
            m.Person != null ? m.Person.Name : db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            m.PersonId != null,
            m.Person != null ? m.Person.AccessNeeds : People.AccessNeed.None,
            m.Person != null ? m.Person.InterpreterLanguage : null,
            m.Person != null ? m.Person.OtherAccessNeed : null));

    private static List<Invited> Order(IEnumerable<Invited> people) =>
        people.OrderBy(p => p.IsPartner).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}
