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
    IReadOnlyList<string> Themes)
{
    public int Voices { get; set; }

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
            Array.Empty<string>()));

    /// <summary>Published ideas, newest first: those still open for voices, or those with an outcome ("You said, we did").</summary>
    public static async Task<List<PublicIdea>> ListAsync(WithUsDbContext db, PublicIdeaList list, int take,
        CancellationToken cancellationToken)
    {
        var query = list == PublicIdeaList.WithOutcome
            ? Published(db).Where(c => c.Outcome != OutcomeStatus.New)
            : Published(db).Where(c => c.Outcome != OutcomeStatus.Done);

        // Newest by the date shown (OutcomeAtUtc ?? PublishedAtUtc ?? CreatedAtUtc). Ordered by that expression, the
        // database reads and sorts every published idea; split by which date is the first there, the first two parts
        // are read in the order of an index (ContributionConfiguration: PublishedByOutcomeIndex, PublishedUndecidedIndex)
        // and stop at `take`; the third (published with no date, which the app never makes) is read whole, from the second index. The newest
        // `take` of the three, merged, are the newest `take` of all.
        var decided = await Shape(query.Where(c => c.OutcomeAtUtc != null)
                .OrderByDescending(c => c.OutcomeAtUtc).ThenByDescending(c => c.Id).Take(take))
            .ToListAsync(cancellationToken);
        var undecided = await Shape(query.Where(c => c.OutcomeAtUtc == null && c.PublishedAtUtc != null)
                .OrderByDescending(c => c.PublishedAtUtc).ThenByDescending(c => c.Id).Take(take))
            .ToListAsync(cancellationToken);
        // Not ordered in the database: asked to, SQLite walks the organisation by CreatedAtUtc instead of the index.
        var undated = await Shape(query.Where(c => c.OutcomeAtUtc == null && c.PublishedAtUtc == null))
            .ToListAsync(cancellationToken);
        var ideas = await WithThemesAsync(db, decided.Concat(undecided).Concat(undated)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id)
            .Take(take)
            .ToList(), cancellationToken);
        await CountVoicesAsync(db, ideas, cancellationToken);
        return ideas;
    }

    public static async Task<PublicIdea?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var found = await Shape(Published(db).Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var idea = await WithThemesAsync(db, [found], cancellationToken);
        await CountVoicesAsync(db, idea, cancellationToken);
        return idea[0];
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
