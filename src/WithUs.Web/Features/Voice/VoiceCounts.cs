namespace WithUs.Web.Features.Voice;

/// <summary>
/// How many distinct voices an idea has: the person who first said it and everyone who added "me too", each person
/// once; every anonymous contribution counts as one voice, since we cannot tell anonymous people apart. The database
/// keeps each idea's count on its row (<see cref="Contribution.VoiceCount"/>); <see cref="Of"/> says how it counts.
/// </summary>
public static class VoiceCounts
{
    /// <summary>The kept count of each idea asked for (1 for a "me too" asked for as if it were one), read by id.</summary>
    public static async Task<Dictionary<Guid, int>> ForAsync(WithUsDbContext db, IReadOnlyCollection<Guid> ideaIds,
        CancellationToken cancellationToken = default)
    {
        if (ideaIds.Count == 0)
        {
            return [];
        }

        var ids = ideaIds as List<Guid> ?? ideaIds.ToList();
        return await db.Contributions
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.VoiceCount })
            .ToDictionaryAsync(c => c.Id, c => c.VoiceCount, cancellationToken);
    }

    /// <summary>
    /// Ideas of the current organisation whose kept counts differ from a recount (0 when all is right), and "me too"s
    /// not at one voice and none of their own. Reads every idea's "me too"s: for the maintenance job, not for pages.
    /// </summary>
    public static Task<int> DriftAsync(WithUsDbContext db, CancellationToken cancellationToken = default) =>
        db.Contributions.Select(Recounted).CountAsync(c => c.Kept != c.Recount || c.KeptMeToos != c.MeToos, cancellationToken);

    /// <summary>Recounts the current organisation's ideas (and puts its "me too"s at one voice); the rows changed.</summary>
    public static async Task<int> RebuildAsync(WithUsDbContext db, CancellationToken cancellationToken = default)
    {
        var wrong = await db.Contributions.Select(Recounted).Where(c => c.Kept != c.Recount || c.KeptMeToos != c.MeToos)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var chunk in wrong.Chunk(500))
        {
            await db.Contributions.Where(c => chunk.Contains(c.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.VoiceCount, c => c.LinkedToId != null ? 1
                    : 1 + c.Voices.Count(v => v.PersonId == null)
                    + c.Voices.Where(v => v.PersonId != null && v.PersonId != c.PersonId).Select(v => v.PersonId).Distinct().Count())
                    .SetProperty(c => c.MeTooCount, c => c.LinkedToId != null ? 0 : c.Voices.Count()), cancellationToken);
        }

        return wrong.Count;
    }

    /// <summary>Each row's kept counts beside a recount: its voices (the idea's own, each anonymous "me too", and each
    /// other person once, as migration VoiceCountOnEachIdea's triggers count; 1 for a "me too") and its "me too"s.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Contribution, KeptAndRecounted>> Recounted = c => new KeptAndRecounted
    {
        Id = c.Id,
        Kept = c.VoiceCount,
        Recount = c.LinkedToId != null ? 1
            : 1 + c.Voices.Count(v => v.PersonId == null)
            + c.Voices.Where(v => v.PersonId != null && v.PersonId != c.PersonId).Select(v => v.PersonId).Distinct().Count(),
        KeptMeToos = c.MeTooCount,
        MeToos = c.LinkedToId != null ? 0 : c.Voices.Count(),
    };

    private sealed class KeptAndRecounted
    {
        public Guid Id { get; init; }

        public int Kept { get; init; }

        public int Recount { get; init; }

        public int KeptMeToos { get; init; }

        public int MeToos { get; init; }
    }

    /// <summary>The voices of one idea, from the people of the idea and of each "me too" (null for anonymous).</summary>
    public static int Of(IEnumerable<Guid?> people)
    {
        var named = new HashSet<Guid>();
        var anonymous = 0;
        foreach (var person in people)
        {
            if (person is { } id)
            {
                named.Add(id);
            }
            else
            {
                anonymous++;
            }
        }

        return named.Count + anonymous;
    }
}
