using Microsoft.EntityFrameworkCore;
using WithUs.Web.Infrastructure.Data;

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

        var rows = await db.Contributions
            .Where(c => ideaIds.Contains(c.Id) || (c.LinkedToId != null && ideaIds.Contains(c.LinkedToId.Value)))
            .Select(c => new { Idea = c.LinkedToId ?? c.Id, c.Id, c.PersonId })
            .ToListAsync(cancellationToken);

        return rows.GroupBy(r => r.Idea).ToDictionary(
            g => g.Key,
            g => g.Where(r => r.PersonId != null).Select(r => r.PersonId).Distinct().Count() + g.Count(r => r.PersonId == null));
    }
}
