namespace WithUs.Web.Features.Public;

/// <summary>"You said, we did": the outcomes staff chose to publish, by theme, with how many people said each.</summary>
[PublicPageCache]
public sealed class YouSaidWeDidModel(WithUsDbContext db) : PublicPageModel
{
    public const string NoThemeHeading = "Other things you told us";

    /// <summary>The newest outcomes shown, here and in the feed.</summary>
    public const int OutcomesShown = 200;

    public IReadOnlyList<(string Theme, IReadOnlyList<PublicIdea> Ideas)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The feed is announced in the page's head, and in a Link header (RFC 8288) for readers that only fetch headers.
        Response.Headers.Link = $"<{FeedModel.Path(Url, Slug)}>; rel=\"alternate\"; type=\"{FeedModel.ContentType}\"; title=\"You said, we did\"";
        var ideas = await PublicIdeas.ListAsync(db, PublicIdeaList.WithOutcome, OutcomesShown, cancellationToken);
        Groups = Group(ideas);
    }

    /// <summary>Each idea under each of its themes, themes in alphabetical order, ideas without one last.</summary>
    public static IReadOnlyList<(string Theme, IReadOnlyList<PublicIdea> Ideas)> Group(IReadOnlyList<PublicIdea> ideas)
    {
        var themed = ideas.SelectMany(i => i.Themes.Select(t => (Theme: t, Idea: i)))
            .GroupBy(x => x.Theme, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => (g.Key, (IReadOnlyList<PublicIdea>)g.Select(x => x.Idea).ToList()))
            .ToList();
        var other = ideas.Where(i => i.Themes.Count == 0).ToList();
        if (other.Count > 0)
        {
            themed.Add((NoThemeHeading, other));
        }

        return themed;
    }
}
