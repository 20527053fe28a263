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
            c.Themes.OrderBy(t => t.Theme!.Name).Select(t => t.Theme!.Name).ToList()));

    /// <summary>Published ideas, newest first: those still open for voices, or those with an outcome ("You said, we did").</summary>
    public static async Task<List<PublicIdea>> ListAsync(WithUsDbContext db, PublicIdeaList list, int take,
        CancellationToken cancellationToken)
    {
        var query = list == PublicIdeaList.WithOutcome
            ? Published(db).Where(c => c.Outcome != OutcomeStatus.New)
            : Published(db).Where(c => c.Outcome != OutcomeStatus.Done);

        var ideas = await Shape(query
                .OrderByDescending(c => c.OutcomeAtUtc ?? c.PublishedAtUtc ?? c.CreatedAtUtc)
                .ThenByDescending(c => c.Id)
                .Take(take))
            .ToListAsync(cancellationToken);
        await CountVoicesAsync(db, ideas, cancellationToken);
        return ideas;
    }

    public static async Task<PublicIdea?> FindAsync(WithUsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var idea = await Shape(Published(db).Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (idea is not null)
        {
            await CountVoicesAsync(db, [idea], cancellationToken);
        }

        return idea;
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
