using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>One action: change what, who or by when; mark it done, or not done after all.</summary>
public sealed class ActionModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : ActionFormPageModel(db)
{
    public ProjectAction Action => RouteResource<ProjectAction>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Action.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await LoadTeamAsync(Action.MemberId, cancellationToken);
        Input = new ActionInput
        {
            What = Action.What,
            MemberId = Action.MemberId,
            DueOn = DateText.Format(OrganisationClock.StoredDay(Action.DueOn)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Action.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await LoadTeamAsync(Action.MemberId, cancellationToken);
        Input.Check(ModelState, Team.Select(m => m.Id), clock.Today, OrganisationClock.StoredDay(Action.DueOn));
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var action = await Db.Set<ProjectAction>().SingleAsync(a => a.Id == Action.Id, cancellationToken);
        action.What = Input.CleanWhat();
        action.MemberId = Input.MemberId;
        action.DueOn = Input.StoredDueOn();
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            ModelState.AddModelError("Input.What", "This person already has this action for that day");
            return Invalid();
        }

        await audit.RecordAsync("ProjectActionChanged", details: $"{Project.Title}: {action.What}", cancellationToken: cancellationToken);
        Notice = "Action changed.";
        return RedirectToPage("/Projects/Actions/Index", new { org = Slug, projectId = Project.Id });
    }

    public Task<IActionResult> OnPostDoneAsync(CancellationToken cancellationToken) => MarkAsync(done: true, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) => MarkAsync(done: false, cancellationToken);

    private async Task<IActionResult> MarkAsync(bool done, CancellationToken cancellationToken)
    {
        if (Action.ProjectId != Project.Id)
        {
            return NotFound();
        }

        await ProjectActionDone.MarkAsync(Db, Action.Id, done, CurrentUser.Id(User), clock.UtcNow, audit, cancellationToken);
        Notice = done ? $"Done: {Action.What}." : $"Not done after all: {Action.What}.";
        return RedirectToPage("/Projects/Actions/Index", null, new { org = Slug, projectId = Project.Id }, done ? "done-actions" : "open-actions");
    }
}
