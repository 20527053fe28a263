namespace WithUs.Web.Features.Public;

/// <summary>"You said, we did": the outcomes staff chose to publish, by theme, with how many people said each.</summary>
[PublicPageCache]
public sealed class YouSaidWeDidModel(WithUsDbContext db) : PublicPageModel
{
    public const string NoThemeHeading = "Other things you told us";

    /// <summary>Outcomes on a page: a short page on an old phone, read in a few seeks however long the history.</summary>
    public const int PageSize = 25;

    /// <summary>The query keys of the "Older" and "Newer" links (the output cache varies by these alone).</summary>
    public const string AfterKey = "after", BeforeKey = "before";

    /// <summary>From ?after= (the "Older" link): the page starts after this outcome.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>From ?before= (the "Newer" link): the page ends before this outcome.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public IReadOnlyList<(string Theme, IReadOnlyList<PublicIdea> Ideas)> Groups { get; private set; } = [];

    public string? NewerKey { get; private set; }

    public string? OlderKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // The feed is announced in the page's head, and in a Link header (RFC 8288) for readers that only fetch headers.
        Response.Headers.Link = $"<{FeedModel.Path(Url, Slug)}>; rel=\"alternate\"; type=\"{FeedModel.ContentType}\"; title=\"You said, we did\"";
        var page = await PublicIdeas.PageAsync(db, PublicIdeaList.WithOutcome, PublicIdeaKey.Decode(After),
            PublicIdeaKey.Decode(Before), PageSize, cancellationToken);
        Groups = Group(page.Ideas);
        (NewerKey, OlderKey) = (page.NewerKey, page.OlderKey);
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
