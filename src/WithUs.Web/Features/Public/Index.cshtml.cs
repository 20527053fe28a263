using WithUs.Web.Features.Projects.Published;

namespace WithUs.Web.Features.Public;

/// <summary>
/// An organisation's front door for the public: tell us something, add your voice, see what we did, and (once it
/// publishes any) what it is working on together with the people it serves.
/// </summary>
[PublicPageCache]
public sealed class IndexModel(WithUsDbContext db) : PublicPageModel
{
    /// <summary>The newest published ideas shown; the page stays short and its cost does not grow with the organisation.</summary>
    public const int IdeasShown = 50;

    /// <summary>The newest published projects named here, with a link to them all.</summary>
    public const int ProjectsShown = 3;

    public IReadOnlyList<PublicIdea> Ideas { get; private set; } = [];

    public IReadOnlyList<PublishedProjectCard> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Ideas = await PublicIdeas.ListAsync(db, PublicIdeaList.OpenForVoices, IdeasShown, cancellationToken);
        Projects = await PublishedProjects.ListAsync(db, ProjectsShown, cancellationToken);
    }
}
