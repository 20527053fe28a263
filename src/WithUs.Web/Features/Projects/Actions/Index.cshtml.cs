namespace WithUs.Web.Features.Projects.Actions;

/// <summary>A project's actions: who will do what by when, overdue first, with those done below.</summary>
public sealed class IndexModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public DateOnly Today => clock.Today;

    public IReadOnlyList<ActionRow> Open { get; private set; } = [];

    public IReadOnlyList<ActionRow> Done { get; private set; } = [];

    public int DoneCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Open = await ActionList.OpenAsync(db, Project.Id, cancellationToken);
        (Done, DoneCount) = await ActionList.DoneAsync(db, Project.Id, cancellationToken);
    }
}
