using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>What the pages that add and change an action share: the project, the form and who may be chosen.</summary>
public abstract class ActionFormPageModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    public ActionInput Input { get; set; } = new();

    /// <summary>Who can be chosen: the team now, and whoever the action is with already if they have left.</summary>
    public IReadOnlyList<TeamMember> Team { get; private set; } = [];

    protected WithUsDbContext Db => db;

    protected async Task LoadTeamAsync(Guid? alsoMemberId, CancellationToken cancellationToken) =>
        Team = (await ProjectTeam.ListAsync(db, Project.Id, cancellationToken)).Where(m => m.IsCurrent || m.Id == alsoMemberId).ToList();
}
