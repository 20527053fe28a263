using System.Collections.Concurrent;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// How many contributions an organisation holds and how many of them use each term, kept in memory for a short while:
/// the lexical scorer needs both on every pause in typing, and counting a common term's postings reads tens of
/// thousands of index entries (on PostgreSQL at 100,000 contributions, most of a suggestion's time). A term's weight
/// hardly moves between one keystroke and the next, so counts up to <see cref="KeepFor"/> old are good enough; this
/// process's own saves forget the organisation's counts at once (<see cref="Changed"/>), so a young organisation, where
/// every new contribution shifts the weights, is scored on fresh counts. A term no contribution uses is never kept:
/// the next contribution that uses it must be findable at once.
/// </summary>
public sealed class TermStatistics(TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, Counts> held = new();

    public TimeSpan KeepFor { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>An organisation's kept counts are dropped (not trimmed) when it holds more terms than this.</summary>
    public int MostTerms { get; init; } = 20_000;

    /// <summary>The current organisation's contribution count and its counts of the given terms (absent: none).</summary>
    public async Task<(int Documents, Dictionary<string, int> Frequencies)> ForAsync(WithUsDbContext db,
        IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var organisationId = db.Tenant.RequiredOrganisationId;
        var now = time.GetUtcNow();
        ForgetOld(now);
        var counts = held.GetOrAdd(organisationId, _ => new Counts(now));
        if (counts.Terms.Count > MostTerms)
        {
            held.TryRemove(KeyValuePair.Create(organisationId, counts));
            counts = held.GetOrAdd(organisationId, _ => new Counts(now));
        }

        if (counts.Documents is not { } documents)
        {
            documents = await db.Contributions.CountAsync(cancellationToken);
            counts.Documents = documents;
        }

        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var term in terms)
        {
            if (counts.Terms.TryGetValue(term, out var known))
            {
                frequencies[term] = known;
            }
            else
            {
                missing.Add(term);
            }
        }

        if (missing.Count > 0)
        {
            var found = await db.ContributionTerms
                .Where(t => missing.Contains(t.Term))
                .GroupBy(t => t.Term)
                .Select(g => new { Term = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var term in found)
            {
                frequencies[term.Term] = term.Count;
                counts.Terms[term.Term] = term.Count;
            }
        }

        return (documents, frequencies);
    }

    /// <summary>This process saved a change to the organisation's contributions or their terms.</summary>
    public void Changed(Guid organisationId) => held.TryRemove(organisationId, out _);

    private void ForgetOld(DateTimeOffset now)
    {
        foreach (var (organisationId, counts) in held)
        {
            if (now - counts.Since >= KeepFor)
            {
                held.TryRemove(KeyValuePair.Create(organisationId, counts));
            }
        }
    }

    /// <summary>One organisation's counts, all dropped together once the first of them is too old.</summary>
    private sealed class Counts(DateTimeOffset since)
    {
        public DateTimeOffset Since { get; } = since;

        public int? Documents { get; set; }

        public ConcurrentDictionary<string, int> Terms { get; } = new(StringComparer.Ordinal);
    }
}
