namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// Planning or changing a meeting: the form, the team to invite with what each needs, the project's boundaries (so
/// the organiser sees what the group can decide), and on "Check who can take part" the access gap, before saving.
/// </summary>
public abstract class MeetingFormPageModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public IReadOnlyList<Invited> Team { get; private set; } = [];

    public IReadOnlyList<Boundary> Boundaries { get; private set; } = [];

    /// <summary>Set after "Check who can take part": the needs of those ticked that the meeting does not meet.</summary>
    public IReadOnlyList<Gap>? Gaps { get; private set; }

    public MeetingFieldsModel Fields => new(Input, Team, Slug, Project.Id);

    protected WithUsDbContext Db => db;

    protected OrganisationClock Clock => clock;

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        Team = await MeetingPeople.TeamAsync(db, Project.Id, cancellationToken);
        Boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == Project.Id && b.EndedAtUtc == null)
            .OrderBy(b => b.AddedAtUtc).ToListAsync(cancellationToken);
    }

    /// <summary>The form checked: when it is, or null with the errors added.</summary>
    protected (DateTime Starts, DateTime Ends)? Check() => Input.Check(ModelState, clock, Team.Select(t => t.MemberId).ToList());

    /// <summary>"Check who can take part": the gaps for what is typed, without saving anything.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Gaps = AccessGap.For(Input.Format ?? MeetingFormat.InPerson, Input.SupportFlags, Team.Where(t => Input.Invited.Contains(t.MemberId)));
        ModelState.Clear();
        return Page();
    }

    /// <summary>Makes the invitations match the ticks: new ones added, unticked ones removed unless they came.</summary>
    protected async Task InviteAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var existing = await db.Set<MeetingInvitee>().Where(i => i.MeetingId == meetingId).ToListAsync(cancellationToken);
        foreach (var gone in existing.Where(i => !Input.Invited.Contains(i.MemberId) && i.Attended != true))
        {
            db.Remove(gone);
        }

        foreach (var memberId in Input.Invited.Distinct().Where(id => existing.All(i => i.MemberId != id)))
        {
            db.Add(new MeetingInvitee { Id = Ids.New(), MeetingId = meetingId, MemberId = memberId });
        }
    }
}
