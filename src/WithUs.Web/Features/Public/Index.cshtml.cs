namespace WithUs.Web.Features.Public;

/// <summary>An organisation's front door for the public: tell us something, add your voice, see what we did.</summary>
[PublicPageCache]
public sealed class IndexModel(WithUsDbContext db) : PublicPageModel
{
    /// <summary>The newest published ideas shown; the page stays short and its cost does not grow with the organisation.</summary>
    public const int IdeasShown = 50;

    public IReadOnlyList<PublicIdea> Ideas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Ideas = await PublicIdeas.ListAsync(db, PublicIdeaList.OpenForVoices, IdeasShown, cancellationToken);
}
