namespace WithUs.Web.Features.Voice;

/// <summary>
/// How many distinct voices an idea has: the person who first said it and everyone who added "me too", each person
/// once; every anonymous contribution counts as one voice, since we cannot tell anonymous people apart.
/// </summary>
public static class VoiceCounts
{
    public static async Task<Dictionary<Guid, int>> ForAsync(WithUsDbContext db, IReadOnlyCollection<Guid> ideaIds,
        CancellationToken cancellationToken = default)
    {
        if (ideaIds.Count == 0)
        {
            return [];
        }

        // Two queries, each answered from an index (by id; by LinkedToId). One query with "id in (...) or linked in
        // (...)" makes SQLite read every contribution of the organisation.
        var ids = ideaIds as List<Guid> ?? ideaIds.ToList();
        var roots = await db.Contributions
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { Idea = c.Id, c.PersonId })
            .ToListAsync(cancellationToken);
        var meToos = await db.Contributions
            .Where(c => c.LinkedToId != null && ids.Contains(c.LinkedToId.Value))
            .Select(c => new { Idea = c.LinkedToId!.Value, c.PersonId })
            .ToListAsync(cancellationToken);

        return roots.Concat(meToos).GroupBy(r => r.Idea).ToDictionary(g => g.Key, g => Of(g.Select(r => r.PersonId)));
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
