using WithUs.Web.Features.Account;
using WithUs.Web.Features.Projects.Actions;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Projects.Mine;

/// <summary>
/// A project as a partner in its team sees it, in plain words: what it is for, where it stands, what the group can
/// decide and what is fixed, the ground rules (which they can agree to here), who is in it, and the meetings they
/// are invited to, each with a file for their calendar. A partner not in the team gets "not found"; staff see it as
/// partners in the team do (a preview, with every meeting), so they know what partners are told.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class ProjectModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    /// <summary>How many of the latest decisions the page lists.</summary>
    public const int DecisionsShown = 10;

    public Project Project => RouteResource<Project>();

    /// <summary>The partner's place in the team; null when staff preview the page.</summary>
    public ProjectMember? Me { get; private set; }

    public bool IsPreview => Me is null;

    public PhaseNaming Names { get; private set; } = new(new Dictionary<CoPhase, string>());

    public IReadOnlyList<Boundary> Boundaries { get; private set; } = [];

    public GroundRules? Rules { get; private set; }

    public bool AgreedRules { get; private set; }

    public IReadOnlyList<(string Name, string Role)> Team { get; private set; } = [];

    public IReadOnlyList<Meeting> Meetings { get; private set; } = [];

    /// <summary>Their own actions still to do (staff previewing: every partner's), and how many of theirs are done.</summary>
    public IReadOnlyList<ActionRow> Actions { get; private set; } = [];

    public int ActionsDone { get; private set; }

    /// <summary>What the group decided lately, newest first, and how many decisions in all.</summary>
    public IReadOnlyList<(DateTime DecidedOn, string What, DecisionWay How)> Decisions { get; private set; } = [];

    public int DecisionCount { get; private set; }

    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindMeAsync(cancellationToken))
        {
            return NotFound();
        }

        Names = await PhaseNaming.ForAsync(db, cancellationToken);
        Boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == Project.Id && b.EndedAtUtc == null)
            .OrderBy(b => b.AddedAtUtc).ToListAsync(cancellationToken);
        Rules = await GroundRulesVersions.CurrentAsync(db, Project.Id, cancellationToken);
        AgreedRules = Rules is not null && Me is not null
            && await db.Set<GroundRulesAgreed>().AnyAsync(a => a.GroundRulesId == Rules.Id && a.MemberId == Me.Id, cancellationToken);
        Team = (await ProjectTeam.ListAsync(db, Project.Id, cancellationToken)).Where(m => m.IsCurrent).Select(m => (m.Name, m.Role)).ToList();
        var now = clock.UtcNow;
        Meetings = await InvitedTo().Where(m => m.EndsAtUtc >= now).OrderBy(m => m.StartsAtUtc).ToListAsync(cancellationToken);
        var open = await ActionList.OpenAsync(db, Project.Id, cancellationToken);
        Actions = open.Where(a => Me is { } me ? a.MemberId == me.Id : a.ByPartner).ToList();
        ActionsDone = Me is { } mine ? await db.Set<ProjectAction>().CountAsync(a => a.MemberId == mine.Id && a.DoneAtUtc != null, cancellationToken) : 0;
        var decisions = db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == Project.Id);
        DecisionCount = await decisions.CountAsync(cancellationToken);
        Decisions = (await decisions.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAtUtc).Take(DecisionsShown)
            .Select(d => new { d.DecidedOn, d.What, d.How }).ToListAsync(cancellationToken)).Select(d => (d.DecidedOn, d.What, d.How)).ToList();
        return Page();
    }

    /// <summary>They say they have done one of their own actions.</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid actionId, CancellationToken cancellationToken)
    {
        if (!await FindMeAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Me is null)
        {
            Notice = "Staff mark actions done on the project's actions page: this page is the partners' own.";
            return RedirectToPage("/Projects/Actions/Index", new { org = Slug, projectId = Project.Id });
        }

        var what = await db.Set<ProjectAction>().Where(a => a.Id == actionId && a.ProjectId == Project.Id && a.MemberId == Me.Id)
            .Select(a => a.What).SingleOrDefaultAsync(cancellationToken);
        if (what is null)
        {
            // Not one of theirs in this project (or gone): nothing changes, and nothing says whose it is.
            Notice = "That is not one of your actions in this project.";
            return RedirectToPage("/Projects/Mine/Project", null, new { org = Slug, projectId = Project.Id }, "my-actions");
        }

        await ProjectActionDone.MarkAsync(db, actionId, done: true, CurrentUser.Id(User), clock.UtcNow, audit, cancellationToken);
        Notice = $"Thank you: \"{what}\" is done.";
        return RedirectToPage("/Projects/Mine/Project", null, new { org = Slug, projectId = Project.Id }, "my-actions");
    }

    /// <summary>They agree to the ground rules as they stand now, themselves.</summary>
    public async Task<IActionResult> OnPostAgreeAsync(CancellationToken cancellationToken)
    {
        if (!await FindMeAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Me is null)
        {
            Notice = "Staff record who agreed on the project's ground rules page: this page is the partners' own.";
            return RedirectToPage("/Projects/Team/GroundRules", new { org = Slug, projectId = Project.Id });
        }

        if (await GroundRulesVersions.CurrentAsync(db, Project.Id, cancellationToken) is { } rules)
        {
            await GroundRulesAgreement.RecordAsync(db, rules.Id, Me!.Id, recordedBy: null, clock.UtcNow, cancellationToken);
            Notice = "Thank you: you agreed to the ground rules.";
        }

        return RedirectToPage("/Projects/Mine/Project", null, new { org = Slug, projectId = Project.Id }, "ground-rules");
    }

    public string When(Meeting meeting) =>
        $"{clock.Local(meeting.StartsAtUtc).ToString("dddd d MMMM yyyy, HH:mm", OrganisationClock.British)} to {clock.Local(meeting.EndsAtUtc).ToString("HH:mm", OrganisationClock.British)}";

    /// <summary>The meetings of this project they are invited to (staff previewing: every meeting of it).</summary>
    private IQueryable<Meeting> InvitedTo() => Me is { } me
        ? db.Set<MeetingInvitee>().AsNoTracking().Where(i => i.MemberId == me.Id).Join(db.Set<Meeting>(), i => i.MeetingId, m => m.Id, (i, m) => m)
        : db.Set<Meeting>().AsNoTracking().Where(m => m.ProjectId == Project.Id);

    /// <summary>Whether they may see it: a partner in the team now, or staff.</summary>
    private async Task<bool> FindMeAsync(CancellationToken cancellationToken)
    {
        var userId = CurrentUser.Id(User)!.Value;
        Me = await PartnerProjects.PlacesOf(db, userId).AsNoTracking().FirstOrDefaultAsync(m => m.ProjectId == Project.Id, cancellationToken);
        return Me is not null || Role >= OrganisationRole.Staff;
    }
}
