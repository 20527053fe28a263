using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Everything people said, newest first: search the words (best matches first), filter by kind, outcome and theme,
/// page through.
/// </summary>
public sealed class IndexModel(WithUsDbContext db) : OrganisationPageModel
{
    public const int PageSize = 25;
    public const int SearchMaxLength = 200;

    /// <summary>More words than anyone types into a search box; beyond them a pasted paragraph is not a search.</summary>
    public const int SearchMaxWords = 8;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ContributionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public OutcomeStatus? Outcome { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Theme { get; set; }

    /// <summary>From ?after= (the "Next" link): the page starts after this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>From ?before= (the "Previous" link): the page ends before this row.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    /// <summary>
    /// How many rows are counted before the total is shown as "more than" this, and, for a search by words, how many
    /// of the most recently recorded matches are ranked: what a request reads stays bounded however much was said.
    /// </summary>
    public const int CountLimit = 1000;

    /// <summary>Rows that match, up to <see cref="CountLimit"/>; see <see cref="MoreThanCounted"/>.</summary>
    public int Total { get; private set; }

    /// <summary>More rows match than were counted.</summary>
    public bool MoreThanCounted => Total > CountLimit;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Themes { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || Kind is not null || Outcome is not null || Theme is not null;

    /// <summary>True when the search was by words (so the list is best match first, not newest first).</summary>
    public bool RankedByRelevance { get; private set; }

    /// <summary>The key of the first row shown, for the "Previous" link; null on the first page.</summary>
    public string? PreviousKey { get; private set; }

    /// <summary>The key of the last row shown, for the "Next" link; null on the last page.</summary>
    public string? NextKey { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Bad filter values (a tampered query string) are ignored rather than refused: this page only reads.
        ModelState.Clear();
        if (Kind is { } kind && !Enum.IsDefined(kind))
        {
            Kind = null;
        }

        if (Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            Outcome = null;
        }

        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim();
        if (Search is { Length: > SearchMaxLength })
        {
            Search = Search[..SearchMaxLength];
        }

        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        Themes = themes.Select(t => (t.Id, t.Name)).ToList();

        var query = db.Contributions.AsNoTracking();
        var lowered = Search?.ToLowerInvariant();
        var terms = SearchTerms(Search);
        if (terms.Count > 0)
        {
            query = query.Where(c => MostRecentMatches(terms).Contains(c.Id));
        }
        else if (lowered is not null)
        {
            // Nothing the analyser keeps ("100%", "the", "0_5"): the characters as typed, anywhere in the text.
            // Translated to SQL on both databases (lower() and a substring test); the StringComparison overload is not.
#pragma warning disable CA1862
            query = query.Where(c => c.Text.ToLower().Contains(lowered));
#pragma warning restore CA1862
        }

        if (Kind is not null)
        {
            query = query.Where(c => c.Kind == Kind);
        }

        if (Outcome is not null)
        {
            query = query.Where(c => (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome) == Outcome);
        }

        int? counted = null;
        if (Theme is { } theme)
        {
            var links = db.ContributionThemes.Where(t => t.ThemeId == theme).Select(t => t.ContributionId);
            // How many the theme holds, from the count its links' triggers keep (ThemeCounts), not by reading them: at
            // a region's size the largest theme has tens of thousands. A theme of few: "in the theme's links" (indexed
            // by theme), so the database starts from them. A theme of many: each row of the list looked up in the
            // theme, which finds a page soon, where starting from the theme would read all of its links. With no
            // other filter, that count is the total.
            var size = await db.Themes.Where(t => t.Id == theme).Select(t => t.ContributionCount).FirstOrDefaultAsync(cancellationToken);
            query = size <= CountLimit
                ? query.Where(c => links.Contains(c.Id))
                : query.Where(c => c.Themes.Any(t => t.ThemeId == theme));
            if (lowered is null && Kind is null && Outcome is null)
            {
                counted = Math.Min(size, CountLimit + 1);
            }
        }

        Total = counted ?? await query.Take(CountLimit + 1).CountAsync(cancellationToken);
        if (!MoreThanCounted && (Theme is not null || Kind is not null || Outcome is not null))
        {
            // Few match: read them and sort them, rather than walk the whole list in order looking for them (which
            // SQLite, planning without statistics, prefers, to avoid the sort). Distinct (a no-op: each row once)
            // keeps the filtered rows a subquery of their own. Many match: walking the list finds a page soon.
            query = query.Distinct();
        }

        RankedByRelevance = terms.Count > 0;
        var page = new VoiceListPage(query, RankedByRelevance ? lowered : null, PageSize);
        await page.LoadAsync(VoiceListKey.Decode(After), VoiceListKey.Decode(Before), cancellationToken);
        PreviousKey = page.PreviousKey;
        NextKey = page.NextKey;

        var ideas = page.Rows.Select(r => r.LinkedToId ?? r.Id).Distinct().ToList();
        var voices = await VoiceCounts.ForAsync(db, ideas, cancellationToken);
        Rows = page.Rows.Select(r => new Row(r.Id, VoiceText.Said(r.Text, r.LinkedToId is not null, 200), r.Kind, r.Channel, r.SaidOnUtc, r.PersonId, r.PersonName,
            r.LinkedToId, voices.GetValueOrDefault(r.LinkedToId ?? r.Id, 1), r.Outcome)).ToList();
    }

    /// <summary>
    /// The ids holding every word, the most recently recorded first (ids are time-ordered), at most one more than
    /// <see cref="CountLimit"/>: walked in the term index from the longest word (most likely the rarest), each other
    /// word looked up in the same index.
    /// </summary>
    private IQueryable<Guid> MostRecentMatches(IReadOnlyList<string> terms)
    {
        var driving = terms.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).First();
        var hits = db.ContributionTerms.Where(t => t.Term == driving);
        foreach (var term in terms.Where(t => t != driving))
        {
            hits = hits.Where(t => db.ContributionTerms.Any(other => other.ContributionId == t.ContributionId && other.Term == term));
        }

        return hits.OrderByDescending(t => t.ContributionId).Select(t => t.ContributionId).Take(CountLimit + 1);
    }

    /// <summary>The index terms of the words searched for, as many as a search box sensibly holds.</summary>
    private static List<string> SearchTerms(string? search) =>
        TextAnalyser.Words(search).Select(w => w.Stem).Distinct(StringComparer.Ordinal).Take(SearchMaxWords).ToList();

    /// <summary>The link to the page after (or before) a row, with the same search and filters.</summary>
    public string PageLink(string? after = null, string? before = null) =>
        Url.Page("/Voice/Index", new { org = Slug, q = Search, kind = Kind, outcome = Outcome, theme = Theme, after, before })!;

    public sealed record Row(Guid Id, string Excerpt, ContributionKind Kind, Channel Channel, DateTime SaidOnUtc, Guid? PersonId,
        string? PersonName, Guid? LinkedToId, int Voices, OutcomeStatus Outcome);
}
