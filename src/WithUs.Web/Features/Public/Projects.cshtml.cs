using WithUs.Web.Features.Projects.Published;

namespace WithUs.Web.Features.Public;

/// <summary>The projects the organisation published, the most recently published first: what it works on with the people it serves.</summary>
[PublicPageCache]
public sealed class PublishedProjectsModel(WithUsDbContext db) : PublicPageModel
{
    /// <summary>The newest published projects shown: a short page whose cost does not grow with the organisation.</summary>
    public const int ProjectsShown = 50;

    public IReadOnlyList<PublishedProjectCard> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Projects = await PublishedProjects.ListAsync(db, ProjectsShown, cancellationToken);
}
