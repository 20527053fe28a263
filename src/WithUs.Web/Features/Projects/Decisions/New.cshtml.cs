using WithUs.Web.Features.Account;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>
/// Record a decision as it happened: what, the options, the day and meeting, who from the team was in the room (ticked
/// from the meeting's attendance when it comes from a meeting), how it was decided and any dissent. The level is
/// worked out from these by <see cref="ParticipationRule"/>; nothing else sets it.
/// </summary>
public sealed class NewModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    /// <summary>How many of the project's latest meetings are offered (and the one the page came from, if older).</summary>
    public const int MeetingsShown = 12;

    public Project Project => RouteResource<Project>();

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    /// <summary>The team now: who can be ticked as in the room.</summary>
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];

    /// <summary>This project's meetings a decision can name: held (started), not cancelled, newest first.</summary>
    public IReadOnlyList<MeetingChoice> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? meetingId, CancellationToken cancellationToken)
    {
        await LoadAsync(meetingId, cancellationToken);
        Input.DecidedOn = DateText.Format(clock.Today);
        if (meetingId is not { } id)
        {
            return Page();
        }

        if (Meetings.FirstOrDefault(m => m.Id == id) is not { } meeting)
        {
            return NotFound();
        }

        // From a meeting: its day, and whoever came ticked (those still in the team).
        Input.MeetingId = id;
        Input.DecidedOn = DateText.Format(clock.DayOf(meeting.StartsAtUtc));
        var team = Team.Select(m => m.Id).ToHashSet();
        Input.Present = (await db.Set<MeetingInvitee>().AsNoTracking().Where(i => i.MeetingId == id && i.Attended == true)
            .Select(i => i.MemberId).ToListAsync(cancellationToken)).Where(team.Contains).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(Input.MeetingId, cancellationToken);
        var meetingIsOffered = Input.MeetingId is { } chosen && Meetings.Any(m => m.Id == chosen);
        Input.Check(ModelState, Team, meetingIsOffered, clock.Today);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var (decision, present, why) = Input.ToDecision(Project.Id, Team, clock.UtcNow, CurrentUser.Id(User));
        db.Add(decision);
        db.AddRange(present);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Recorded already (a second click, or two people at once): that one stands, unchanged.
            db.ChangeTracker.Clear();
            var recorded = await db.Set<Decision>().AsNoTracking()
                .Where(d => d.ProjectId == Project.Id && d.DecidedOn == decision.DecidedOn && d.WhatKey == decision.WhatKey)
                .Select(d => d.Id).SingleAsync(cancellationToken);
            Notice = "This decision was recorded already, on the same day in the same words.";
            return RedirectToPage("/Projects/Decisions/Decision", new { org = Slug, projectId = Project.Id, decisionId = recorded });
        }

        await audit.RecordAsync("DecisionRecorded", details: $"{Project.Title}: {decision.Level.Words()}", cancellationToken: cancellationToken);
        Notice = $"Decision recorded. Its level is {decision.Level.Words().ToLowerInvariant()}: {why}";
        return RedirectToPage("/Projects/Decisions/Decision", new { org = Slug, projectId = Project.Id, decisionId = decision.Id });
    }

    /// <summary>The team now, and the meetings to offer (with <paramref name="include"/> when it is one of this project's).</summary>
    private async Task LoadAsync(Guid? include, CancellationToken cancellationToken)
    {
        Team = (await ProjectTeam.ListAsync(db, Project.Id, cancellationToken)).Where(m => m.IsCurrent).ToList();
        var now = clock.UtcNow;
        var held = db.Set<Meeting>().AsNoTracking()
            .Where(m => m.ProjectId == Project.Id && m.CancelledAtUtc == null && m.StartsAtUtc <= now);
        var meetings = await held.OrderByDescending(m => m.StartsAtUtc).ThenByDescending(m => m.Id).Take(MeetingsShown)
            .Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAtUtc)).ToListAsync(cancellationToken);
        if (include is { } id && meetings.All(m => m.Id != id))
        {
            meetings.AddRange(await held.Where(m => m.Id == id).Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAtUtc)).ToListAsync(cancellationToken));
        }

        Meetings = meetings;
    }

    public sealed record MeetingChoice(Guid Id, string Title, DateTime StartsAtUtc);
}
