using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

/// <summary>A project at a glance: where it stands in the four phases, what is open and what is fixed, and what people said that led to it.</summary>
public sealed class ProjectModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    /// <summary>How many of the things people said are listed before "and N more".</summary>
    public const int IdeasShown = 20;

    public Project Project => RouteResource<Project>();

    public PhaseNaming Names { get; private set; } = new(new Dictionary<CoPhase, string>());

    public IReadOnlyList<ProjectPhase> Phases { get; private set; } = [];

    public CoPhase Current { get; private set; }

    public string? ThemeName { get; private set; }

    public IReadOnlyList<Boundary> Boundaries { get; private set; } = [];

    /// <summary>How many changes and removals the boundaries' history holds.</summary>
    public int BoundaryChanges { get; private set; }

    public IReadOnlyList<Idea> Ideas { get; private set; } = [];

    public int IdeaCount { get; private set; }

    public DateOnly Today => clock.Today;

    public IReadOnlyList<TeamMember> Team { get; private set; } = [];

    /// <summary>How many of its decisions sit on each rung of the ladder.</summary>
    public Decisions.ParticipationProfile Profile { get; private set; } = null!;

    /// <summary>Every meeting, soonest first for those to come; with, for each to come, how many needs it does not meet.</summary>
    public IReadOnlyList<(Meetings.Meeting Meeting, int Gaps)> Meetings { get; private set; } = [];

    /// <summary>The ground rules' current version (0 when none), and how many of the team agreed to it.</summary>
    public (int Version, int Agreed) GroundRules { get; private set; }

    /// <summary>How many of the open actions the page lists, soonest first.</summary>
    public const int ActionsShown = 5;

    /// <summary>The actions still to do, soonest first (all of them: a project has few), and how many are done.</summary>
    public IReadOnlyList<Actions.ActionRow> OpenActions { get; private set; } = [];

    public int DoneActions { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var project = Project;
        OpenActions = await Actions.ActionList.OpenAsync(db, project.Id, cancellationToken);
        DoneActions = await db.Set<Actions.ProjectAction>().CountAsync(a => a.ProjectId == project.Id && a.DoneAtUtc != null, cancellationToken);
        Names = await PhaseNaming.ForAsync(db, cancellationToken);
        Phases = project.Phases.OrderBy(p => p.Phase).ToList();
        Current = ProjectPhase.Current(Phases);
        if (project.ThemeId is { } themeId)
        {
            ThemeName = await db.Themes.AsNoTracking().Where(t => t.Id == themeId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        }

        var boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == project.Id)
            .OrderBy(b => b.AddedAtUtc).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        Boundaries = boundaries.Where(b => b.EndedAtUtc == null).ToList();
        BoundaryChanges = boundaries.Count(b => b.EndedAtUtc != null);

        Team = (await ProjectTeam.ListAsync(db, project.Id, cancellationToken)).Where(m => m.IsCurrent).ToList();
        if (await GroundRulesVersions.CurrentAsync(db, project.Id, cancellationToken) is { } rules)
        {
            var teamIds = Team.Select(m => m.Id).ToList();
            GroundRules = (rules.Version, await db.Set<GroundRulesAgreed>().CountAsync(a => a.GroundRulesId == rules.Id && teamIds.Contains(a.MemberId), cancellationToken));
        }

        var meetings = await db.Set<Meetings.Meeting>().AsNoTracking().Where(m => m.ProjectId == project.Id)
            .OrderBy(m => m.StartsAtUtc).ToListAsync(cancellationToken);
        var upcomingIds = meetings.Where(m => m.EndsAtUtc >= clock.UtcNow && m.CancelledAtUtc == null).Select(m => m.Id).ToList();
        var invited = await db.Set<Meetings.MeetingInvitee>().AsNoTracking().Where(i => upcomingIds.Contains(i.MeetingId))
            .Join(db.Set<ProjectMember>(), i => i.MemberId, m => m.Id, (i, m) => new
            {
                i.MeetingId,
                m.Id,
                Needs = m.Person != null ? m.Person.AccessNeeds : People.AccessNeed.None,
                Interpreter = m.Person != null ? m.Person.InterpreterLanguage : null,
                Other = m.Person != null ? m.Person.OtherAccessNeed : null,
            })
            .ToListAsync(cancellationToken);
        var byMeeting = invited.ToLookup(i => i.MeetingId);
        Meetings = meetings.Select(m => (m, upcomingIds.Contains(m.Id)
            ? Projects.Meetings.AccessGap.For(m.Format, m.Support, byMeeting[m.Id].Select(i => new Projects.Meetings.Invited(i.Id, "", true, i.Needs, i.Interpreter, i.Other))).Count
            : 0)).ToList();

        Profile = await Decisions.ParticipationProfile.ForProjectAsync(db, Slug, project.Id, cancellationToken);

        // The project's ideas by the project's index, sorted here, then the words of those shown. Asked to sort them,
        // SQLite reads the organisation's index of ideas instead, every idea it has ever heard (ProjectCostTests).
        var ideas = await db.Contributions.AsNoTracking().Where(c => c.ProjectId == project.Id && c.LinkedToId == null)
            .Select(c => new { c.Id, c.VoiceCount, c.SaidOnUtc })
            .ToListAsync(cancellationToken);
        IdeaCount = ideas.Count;
        var shown = ideas.OrderByDescending(c => c.VoiceCount).ThenBy(c => c.SaidOnUtc).ThenBy(c => c.Id).Take(IdeasShown).Select(c => c.Id).ToList();
        var words = await db.Contributions.AsNoTracking().Where(c => shown.Contains(c.Id))
            .Select(c => new Idea(c.Id, c.Text, c.VoiceCount, c.Outcome))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        Ideas = shown.Select(id => words[id]).ToList();
    }

    /// <summary>When a meeting starts, in words: "Tuesday 1 December 2026, 10:00".</summary>
    public string When(DateTime utc) => clock.Local(utc).ToString("dddd d MMMM yyyy, HH:mm", OrganisationClock.British);

    public sealed record Idea(Guid Id, string Text, int Voices, OutcomeStatus Outcome);
}
