using WithUs.Web.Features.Projects.Published;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>
/// An idea as the public may see it: only what staff chose to publish, in the words staff wrote for the public.
/// Never the original words, never what was written for the person who said it, never who said it.
/// </summary>
public sealed record PublicIdea(
    Guid Id,
    string Summary,
    OutcomeStatus Outcome,
    NotPossibleReason? Reason,
    string? PublicOutcome,
    DateTime Date,
    IReadOnlyList<string> Themes,
    Guid? ProjectId = null)
{
    public int Voices { get; set; }

    /// <summary>The name of the project it is part of, when the organisation published that project (null otherwise).</summary>
    public string? ProjectTitle { get; set; }

    /// <summary>
    /// "Me too" counts towards deciding; once it is done there is nothing left to add a voice to (the front page's
    /// list asks the same in its query).
    /// </summary>
    public bool InvitesMeToo => Outcome != OutcomeStatus.Done;

    public IReadOnlyList<string> WeDid => PublicWords.WeDid(Outcome, Reason, PublicOutcome);
}

/// <summary>Which published ideas a list shows.</summary>
public enum PublicIdeaList
{
    /// <summary>Ideas people can still add their voice to (not yet done).</summary>
    OpenForVoices = 0,

    /// <summary>Ideas with an outcome: "You said, we did".</summary>
    WithOutcome = 1,
}

/// <summary>A page of published ideas, with the keys of the pages either side (null where there is none).</summary>
public sealed record PublicIdeaPage(IReadOnlyList<PublicIdea> Ideas, string? NewerKey, string? OlderKey);

public static class PublicIdeas
{
    /// <summary>Ideas staff have published, with words for the public. Voices added to an idea are never shown on their own.</summary>
    private static IQueryable<Contribution> Published(WithUsDbContext db) =>
        db.Contributions.Where(c => c.IsPublished && c.LinkedToId == null && c.PublicSummary != null && c.PublicSummary != "");

    private static IQueryable<PublicIdea> Shape(IQueryable<Contribution> contributions) =>
        contributions.Select(c => new PublicIdea(
            c.Id,
            c.PublicSummary!,
            c.Outcome,
            c.NotPossibleReason,
            c.PublicOutcome,
            c.OutcomeAtUtc ?? c.PublishedAtUtc ?? c.CreatedAtUtc,
            Array.Empty<string>(),
            c.ProjectId));

    /// <summary>The newest <paramref name="take"/> published ideas: those still open for voices, or those with an outcome.</summary>
    public static async Task<List<PublicIdea>> ListAsync(WithUsDbContext db, PublicIdeaList list, int take,
        CancellationToken cancellationToken)
    {
        var ideas = await ReadAsync(db, list, null, older: true, take, cancellationToken);
        return await WithThemesAndVoicesAsync(db, ideas, cancellationToken);
    }

    /// <summary>
    /// One page of <paramref name="size"/> published ideas, newest first: the page older than <paramref name="after"/>,
    /// else the one newer than <paramref name="before"/>, else the first. Each page reads the ideas it shows and one
    /// more, wherever it is in the list (keyset paging, issue 9).
    /// </summary>
    public static async Task<PublicIdeaPage> PageAsync(WithUsDbContext db, PublicIdeaList list, PublicIdeaKey? after,
        PublicIdeaKey? before, int size, CancellationToken cancellationToken)
    {
        if (after is null && before is not null)
        {
            var newer = await ReadAsync(db, list, before, older: false, size + 1, cancellationToken);
            if (newer.Count > size)
            {
                var shown = newer.Take(size).Reverse().ToList();
                return new PublicIdeaPage(await WithThemesAndVoicesAsync(db, shown, cancellationToken), Key(shown[0]), Key(shown[^1]));
            }

            // Less than a page is newer: that is the first page, shown whole.
        }

        var rows = await ReadAsync(db, list, after, older: true, size + 1, cancellationToken);
        if (rows.Count == 0 && after is not null)
        {
            // Nothing older (a link to ideas since unpublished, or made up): the first page rather than an empty one.
            after = null;
            rows = await ReadAsync(db, list, null, older: true, size + 1, cancellationToken);
        }

        var ideas = await WithThemesAndVoicesAsync(db, rows.Take(size).ToList(), cancellationToken);
        return new PublicIdeaPage(ideas,
            after is not null && ideas.Count > 0 ? Key(ideas[0]) : null,
            rows.Count > size ? Key(ideas[^1]) : null);
    }

    private static string Key(PublicIdea idea) => new PublicIdeaKey(idea.Date, idea.Id).Encode();

    /// <summary>
    /// Up to <paramref name="take"/> ideas beyond <paramref name="key"/> (all of them from the start when it is null),
    /// nearest first: older ones newest first, or newer ones oldest first.
    /// </summary>
    /// <remarks>
    /// The order is the date shown (OutcomeAtUtc ?? PublishedAtUtc ?? CreatedAtUtc), then the id. Ordered by that
    /// expression, the database reads and sorts every published idea; split by which date is the first there, the
    /// first two parts are read in the order of a partial index (ContributionConfiguration: one for each list's
    /// decided ideas, one for each list's undecided ones) and stop at <paramref name="take"/>; the third (published with
    /// no date, which the app never makes) is read whole, from the undecided index. The nearest
    /// <paramref name="take"/> of the three, merged, are the nearest of all. Guid's order here (unsigned, field by
    /// field) is the order of its hexadecimal text, which is how both databases order ids, so ideas on the same date
    /// merge in the order each database reads them.
    /// </remarks>
    private static async Task<List<PublicIdea>> ReadAsync(WithUsDbContext db, PublicIdeaList list, PublicIdeaKey? key,
        bool older, int take, CancellationToken cancellationToken)
    {
        var query = list == PublicIdeaList.WithOutcome
            ? Published(db).Where(c => c.Outcome != OutcomeStatus.New)
            : Published(db).Where(c => c.Outcome != OutcomeStatus.Done);

        var decided = await Shape(Seek(query.Where(c => c.OutcomeAtUtc != null)
                .Select(c => new Dated { Row = c, Date = c.OutcomeAtUtc }), key, older, take))
            .ToListAsync(cancellationToken);
        var undecided = await Shape(Seek(query.Where(c => c.OutcomeAtUtc == null && c.PublishedAtUtc != null)
                .Select(c => new Dated { Row = c, Date = c.PublishedAtUtc }), key, older, take))
            .ToListAsync(cancellationToken);
        // Not ordered in the database: asked to, SQLite walks the organisation by CreatedAtUtc instead of the index.
        // Not filtered by outcome there either: with that term SQLite may choose a list's own index, which holds every
        // undecided idea, over the seek for "no date" in the undecided one.
        var undated = await Shape(Published(db).Where(c => c.OutcomeAtUtc == null && c.PublishedAtUtc == null))
            .ToListAsync(cancellationToken);
        var hidden = list == PublicIdeaList.WithOutcome ? OutcomeStatus.New : OutcomeStatus.Done;

        var all = decided.Concat(undecided)
            .Concat(undated.Where(i => i.Outcome != hidden && (key is null || Beyond(i, key, older))));
        return (older
                ? all.OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
                : all.OrderBy(i => i.Date).ThenBy(i => i.Id))
            .Take(take)
            .ToList();
    }

    private static bool Beyond(PublicIdea idea, PublicIdeaKey key, bool older)
    {
        var order = idea.Date != key.Date ? idea.Date.CompareTo(key.Date) : idea.Id.CompareTo(key.Id);
        return older ? order < 0 : order > 0;
    }

    /// <summary>A row with the date that orders its part of the list, so one seek serves both parts.</summary>
    private sealed class Dated
    {
        public required Contribution Row { get; init; }

        public required DateTime? Date { get; init; }
    }

    /// <summary>
    /// The rows beyond the key, nearest first. The date is bounded on its own first (Date &lt;= …), which the partial
    /// index (OrganisationId, date, Id) answers as a range on both databases.
    /// </summary>
    private static IQueryable<Contribution> Seek(IQueryable<Dated> rows, PublicIdeaKey? key, bool older, int take)
    {
        if (key is not null)
        {
            var (date, id) = (key.Date, key.Id);
            rows = older
                ? rows.Where(r => r.Date <= date && (r.Date < date || r.Row.Id.CompareTo(id) < 0))
                : rows.Where(r => r.Date >= date && (r.Date > date || r.Row.Id.CompareTo(id) > 0));
        }

        var ordered = older
            ? rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.Row.Id)
            : rows.OrderBy(r => r.Date).ThenBy(r => r.Row.Id);
        return ordered.Take(take).Select(r => r.Row);
    }

    private static async Task<List<PublicIdea>> WithThemesAndVoicesAsync(WithUsDbContext db, List<PublicIdea> ideas,
        CancellationToken cancellationToken)
    {
        var shown = await WithThemesAsync(db, ideas, cancellationToken);
        await CountVoicesAsync(db, shown, cancellationToken);
        await NameProjectsAsync(db, shown, cancellationToken);
        return shown;
    }

    /// <summary>The projects the ideas are part of, named only where the organisation published them (one lookup by id).</summary>
    private static async Task NameProjectsAsync(WithUsDbContext db, List<PublicIdea> ideas, CancellationToken cancellationToken)
    {
        var titles = await PublishedProjects.TitlesAsync(db, ideas.Select(i => i.ProjectId).OfType<Guid>().ToList(), cancellationToken);
        foreach (var idea in ideas)
        {
            idea.ProjectTitle = idea.ProjectId is { } id ? titles.GetValueOrDefault(id) : null;
        }
    }

    public static async Task<PublicIdea?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await Shape(Published(db).Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        return (await WithThemesAndVoicesAsync(db, [found], cancellationToken))[0];
    }

    /// <summary>
    /// The themes of the ideas shown, by their ids. Asked in the ideas' own query, they came from a join of every theme
    /// link of the organisation, made whole for each request.
    /// </summary>
    private static async Task<List<PublicIdea>> WithThemesAsync(WithUsDbContext db, List<PublicIdea> ideas,
        CancellationToken cancellationToken)
    {
        if (ideas.Count == 0)
        {
            return ideas;
        }

        // Two lookups by id (links by idea, then names by theme): joined in one query, a database may start from the
        // organisation's themes and read every link of each.
        var ids = ideas.Select(i => i.Id).ToList();
        var links = await db.ContributionThemes
            .Where(ct => ids.Contains(ct.ContributionId))
            .Select(ct => new { ct.ContributionId, ct.ThemeId })
            .ToListAsync(cancellationToken);
        var themeIds = links.Select(l => l.ThemeId).Distinct().ToList();
        var names = await db.Themes.Where(t => themeIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var themes = links.ToLookup(l => l.ContributionId, l => names[l.ThemeId]);
        return ideas.Select(i => i with { Themes = themes[i.Id].Order(StringComparer.Ordinal).ToList() }).ToList();
    }

    private static async Task CountVoicesAsync(WithUsDbContext db, List<PublicIdea> ideas, CancellationToken cancellationToken)
    {
        var counts = await VoiceCounts.ForAsync(db, ideas.Select(i => i.Id).ToList(), cancellationToken);
        foreach (var idea in ideas)
        {
            idea.Voices = counts.GetValueOrDefault(idea.Id, 1);
        }
    }
}
