using WithUs.Web.Features.Account;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>Add an action: what, who from the team and by when; from a meeting's page, it is agreed at that meeting.</summary>
public sealed class NewModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : ActionFormPageModel(db)
{
    /// <summary>The meeting it was agreed at, when the page came from one.</summary>
    public string? MeetingTitle { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? meetingId, CancellationToken cancellationToken)
    {
        Input.MeetingId = meetingId;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input.Check(ModelState, Team.Select(m => m.Id), clock.Today);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var action = new ProjectAction
        {
            Id = Ids.New(),
            ProjectId = Project.Id,
            What = Input.CleanWhat(),
            MemberId = Input.MemberId,
            DueOn = Input.StoredDueOn(),
            MeetingId = Input.MeetingId,
            CreatedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = clock.UtcNow,
        };
        Db.Add(action);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("ProjectActionAdded", details: $"{Project.Title}: {action.What}", cancellationToken: cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same action for the same person and day, sent twice (a second click): it is there once.
            Db.ChangeTracker.Clear();
        }

        var who = Team.Single(m => m.Id == action.MemberId).Name;
        Notice = $"Action added for {who}, by {OrganisationClock.DayWords(action.DueOn)}.";
        return RedirectToPage("/Projects/Actions/Index", new { org = Slug, projectId = Project.Id });
    }

    /// <summary>The team to choose from, and the meeting named, which must be one of this project's.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        await LoadTeamAsync(null, cancellationToken);
        if (Input.MeetingId is not { } meetingId)
        {
            return true;
        }

        MeetingTitle = await Db.Set<Meeting>().AsNoTracking().Where(m => m.Id == meetingId && m.ProjectId == Project.Id)
            .Select(m => m.Title).SingleOrDefaultAsync(cancellationToken);
        return MeetingTitle is not null;
    }
}
