using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>
/// An action as pages show it: what, who (by name, and which side they are on), when by, whether done. Made with an
/// initialiser, not a constructor, so queries can still sort by its properties.
/// </summary>
public sealed record ActionRow
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public string ProjectTitle { get; init; } = "";

    public string What { get; init; } = "";

    public Guid? MemberId { get; init; }

    public string Who { get; init; } = "";

    public bool ByPartner { get; init; }

    /// <summary>A member of staff's account, when the action is theirs.</summary>
    public Guid? WhoUserId { get; init; }

    public DateTime DueOn { get; init; }

    public DateTime? DoneAtUtc { get; init; }

    public Guid? MeetingId { get; init; }

    public bool IsDone => DoneAtUtc is not null;

    public bool IsOverdue(DateOnly today) => !IsDone && OrganisationClock.StoredDay(DueOn) < today;

    public bool IsDueToday(DateOnly today) => !IsDone && OrganisationClock.StoredDay(DueOn) == today;

    /// <summary>Where it stands, in a word or two, and the tag's colour: done, overdue, due today, or to do.</summary>
    public (string Words, string TagClass) Status(DateOnly today) =>
        IsDone ? ("Done", "govuk-tag--green")
        : IsOverdue(today) ? ("Overdue", "govuk-tag--red")
        : IsDueToday(today) ? ("Due today", "govuk-tag--yellow")
        : ("To do", "govuk-tag--blue");
}

/// <summary>Actions read for the pages, each list in one query however many there are.</summary>
public static class ActionList
{
    /// <summary>How many overdue actions the staff home page lists before "and N more".</summary>
    public const int OverdueShown = 10;

    /// <summary>How many done actions a project's list shows, newest first.</summary>
    public const int DoneShown = 30;

    /// <summary>A project's open actions, soonest first.</summary>
    public static Task<List<ActionRow>> OpenAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        Rows(db, db.Set<ProjectAction>().Where(a => a.ProjectId == projectId && a.DoneAtUtc == null))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>A project's latest done actions, newest first, and how many are done in all.</summary>
    public static async Task<(List<ActionRow> Rows, int Count)> DoneAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        var done = db.Set<ProjectAction>().Where(a => a.ProjectId == projectId && a.DoneAtUtc != null);
        var rows = await Rows(db, done).OrderByDescending(a => a.DoneAtUtc).ThenBy(a => a.Id).Take(DoneShown).ToListAsync(cancellationToken);
        return (rows, rows.Count < DoneShown ? rows.Count : await done.CountAsync(cancellationToken));
    }

    /// <summary>The organisation's overdue actions, longest overdue first (up to <paramref name="take"/>), and how many in all.</summary>
    public static async Task<(List<ActionRow> Rows, int Count)> OverdueAsync(WithUsDbContext db, DateOnly today, int take, CancellationToken cancellationToken)
    {
        var due = OrganisationClock.Stored(today);
        var overdue = db.Set<ProjectAction>().Where(a => a.DoneAtUtc == null && a.DueOn < due);
        var rows = await Rows(db, overdue).OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(take).ToListAsync(cancellationToken);
        return (rows, rows.Count < take ? rows.Count : await overdue.CountAsync(cancellationToken));
    }

    /// <summary>A partner's own open actions, in the projects they are in now, soonest first.</summary>
    public static Task<List<ActionRow>> OpenForPartnerAsync(WithUsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var mine = Mine.PartnerProjects.PlacesOf(db, userId).Select(m => m.Id);
        return Rows(db, db.Set<ProjectAction>().Where(a => a.DoneAtUtc == null && a.MemberId != null && mine.Contains(a.MemberId.Value)))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private static IQueryable<ActionRow> Rows(WithUsDbContext db, IQueryable<ProjectAction> actions) =>
        from a in actions
        join p in db.Set<Project>() on a.ProjectId equals p.Id
        join m in db.Set<ProjectMember>() on a.MemberId equals (Guid?)m.Id into members
        from m in members.DefaultIfEmpty()
        select new ActionRow
        {
            Id = a.Id,
            ProjectId = a.ProjectId,
            ProjectTitle = p.Title,
            What = a.What,
            MemberId = a.MemberId,
            Who = m == null ? "Nobody now"
                : m.Person != null ? m.Person.Name
                : db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "Someone who has left",
            ByPartner = m != null && m.PersonId != null,
            WhoUserId = m == null ? null : m.UserId,
            DueOn = a.DueOn,
            DoneAtUtc = a.DoneAtUtc,
            MeetingId = a.MeetingId,
        };
}
