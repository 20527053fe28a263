using WithUs.Web.Features.Projects.Published;

namespace WithUs.Web.Features.Public;

/// <summary>
/// A project the organisation published, as anyone may read it (<see cref="PublishedProject"/>). One not published,
/// another organisation's, or no project at all: not found, alike.
/// </summary>
[PublicPageCache]
public sealed class PublishedProjectModel(WithUsDbContext db) : PublicPageModel
{
    public PublishedProject Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid projectId, CancellationToken cancellationToken)
    {
        if (await PublishedProjects.FindAsync(db, projectId, cancellationToken) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        return Page();
    }
}
