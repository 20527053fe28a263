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

    /// <summary>From ?page= (read by hand: "page" is also the route value Razor Pages uses for the page's own name).</summary>
    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Themes { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || Kind is not null || Outcome is not null || Theme is not null;

    /// <summary>True when the search was by words (so the list is best match first, not newest first).</summary>
    public bool RankedByRelevance { get; private set; }

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

        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var requested) ? requested : 1;
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
            // Every word, in any order, as the similarity index has it (plurals, tenses, spellings folded): one indexed
            // lookup per word, so the count and the page stay two queries however many rows match.
            foreach (var term in terms)
            {
                query = query.Where(c => db.ContributionTerms.Any(t => t.ContributionId == c.Id && t.Term == term));
            }
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

        if (Theme is not null)
        {
            query = query.Where(c => c.Themes.Any(t => t.ThemeId == Theme));
        }

        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        RankedByRelevance = terms.Count > 0;
        // Best match first: the words as typed, together, then the shortest text holding them all (BM25 with each word
        // once: every match has every word, so only its length tells them apart), then newest.
#pragma warning disable CA1862
        var ordered = RankedByRelevance
            ? query.OrderBy(c => c.Text.ToLower().Contains(lowered!) ? 0 : 1).ThenBy(c => c.TermCount).ThenByDescending(c => c.SaidOnUtc)
            : query.OrderByDescending(c => c.SaidOnUtc);
#pragma warning restore CA1862
        var rows = await ordered
            .ThenByDescending(c => c.CreatedAtUtc)
            .ThenByDescending(c => c.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(c => new
            {
                c.Id,
                c.Text,
                c.Kind,
                c.Channel,
                c.SaidOnUtc,
                PersonName = c.Person != null ? c.Person.Name : null,
                c.PersonId,
                c.LinkedToId,
                Outcome = c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome,
            })
            .ToListAsync(cancellationToken);
        var ideas = rows.Select(r => r.LinkedToId ?? r.Id).Distinct().ToList();
        var voices = await VoiceCounts.ForAsync(db, ideas, cancellationToken);
        Rows = rows.Select(r => new Row(r.Id, VoiceText.Said(r.Text, r.LinkedToId is not null, 200), r.Kind, r.Channel, r.SaidOnUtc, r.PersonId, r.PersonName,
            r.LinkedToId, voices.GetValueOrDefault(r.LinkedToId ?? r.Id, 1), r.Outcome)).ToList();
    }

    /// <summary>The index terms of the words searched for, as many as a search box sensibly holds.</summary>
    private static List<string> SearchTerms(string? search) =>
        TextAnalyser.Words(search).Select(w => w.Stem).Distinct(StringComparer.Ordinal).Take(SearchMaxWords).ToList();

    /// <summary>The link to another page of the same search and filters.</summary>
    public string PageLink(int page) =>
        PagedLink(Url.Page("/Voice/Index", new { org = Slug, q = Search, kind = Kind, outcome = Outcome, theme = Theme })!, page);

    /// <summary>Page numbers to show: the first, the last, and those next to the current one; null where some are left out.</summary>
    public IReadOnlyList<int?> PageItems()
    {
        var items = new List<int?>();
        var shown = new SortedSet<int> { 1, PageCount, PageNumber, PageNumber - 1, PageNumber + 1 };
        var previous = 0;
        foreach (var page in shown.Where(p => p >= 1 && p <= PageCount))
        {
            if (page - previous > 1)
            {
                items.Add(null);
            }

            items.Add(page);
            previous = page;
        }

        return items;
    }

    public sealed record Row(Guid Id, string Excerpt, ContributionKind Kind, Channel Channel, DateTime SaidOnUtc, Guid? PersonId,
        string? PersonName, Guid? LinkedToId, int Voices, OutcomeStatus Outcome);
}
