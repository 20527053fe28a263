namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Finds earlier ideas that share words with a text, within the current organisation only (the index rows are
/// tenant-filtered like every other row). Scoring is BM25 over the analysed terms, with spelling skeletons counted at
/// a lower weight and the organisation's commonest terms weighed down; a contribution that added its voice to an idea
/// counts towards that idea.
/// </summary>
public sealed class LexicalScorer(WithUsDbContext db, TermStatistics? statistics = null) : ISimilarityScorer
{
    /// <summary>At most this many postings (term, contribution) are read to find candidates; measured in docs/performance.md.</summary>
    public const int PostingsBudget = 3000;

    private const int CandidatePool = 50;
    private const int FewContributions = 4;
    private const double K1 = 1.2;
    private const double B = 0.75;

    public LexicalSettings Settings { get; init; } = LexicalSettings.Shipped;

    public async Task<IReadOnlyList<ScoredIdea>> ScoreAsync(string text, Guid? excluding, CancellationToken cancellationToken)
    {
        var words = TextAnalyser.Words(text);
        var stems = words.Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToList();
        if (stems.Count == 0)
        {
            return [];
        }

        var skeletonOf = words.Where(w => w.Skeleton is not null)
            .GroupBy(w => w.Skeleton!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(w => w.Stem).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var queryTerms = stems.Concat(skeletonOf.Keys).ToList();

        var (documentCount, frequencies) = statistics is null
            ? await CountAsync(queryTerms, cancellationToken)
            : await statistics.ForAsync(db, queryTerms, cancellationToken);
        if (documentCount == 0 || frequencies.Count == 0)
        {
            return [];
        }

        var weights = frequencies.ToDictionary(f => f.Key, f => Weight(documentCount, f.Key, f.Value), StringComparer.Ordinal);
        // What the text is about, by weight; a word found nowhere counts as if it were in one contribution, so that in a
        // young organisation (a handful of contributions, every idf small) unknown words do not swamp the known ones.
        var queryMass = stems.Sum(s => weights.TryGetValue(s, out var w) ? w : Idf(documentCount, 1));

        // Postings are the slow part, so they are read rarest term first, within a budget; the commoner terms are then
        // looked up only for the candidates they could lift. If even the rarest term is everywhere, its newest postings.
        var ordered = frequencies.OrderBy(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        var lookup = new List<string>();
        var spent = 0;
        foreach (var (term, count) in ordered)
        {
            if (lookup.Count > 0 && spent + count > PostingsBudget)
            {
                break;
            }

            lookup.Add(term);
            spent += count;
        }

        // One term (the rarest is over the budget on its own) is asked for by equality, so the index hands its newest
        // postings over in order and the read stops at the budget; a list of terms would be read whole and sorted.
        var only = lookup[0];
        var postings = await (lookup.Count == 1 ? db.ContributionTerms.Where(t => t.Term == only) : db.ContributionTerms.Where(t => lookup.Contains(t.Term)))
            .OrderByDescending(t => t.ContributionId)
            .Take(PostingsBudget)
            .Select(t => new { t.ContributionId, t.Term })
            .ToListAsync(cancellationToken);

        var matchedByDocument = postings
            .Where(p => p.ContributionId != excluding)
            .GroupBy(p => p.ContributionId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Term).ToHashSet(StringComparer.Ordinal));

        // Rough scores without length first, to pick a pool worth completing and loading lengths for.
        var pool = matchedByDocument
            .Select(d => (Id: d.Key, Terms: d.Value, Raw: RawScore(d.Value, weights, skeletonOf)))
            .Where(d => d.Raw > 0)
            .OrderByDescending(d => d.Raw)
            .ThenBy(d => d.Id)
            .Take(CandidatePool)
            .ToList();
        if (pool.Count == 0)
        {
            return [];
        }

        // The candidates' lengths, and the commoner terms (not read as postings) each of them has, in one round trip.
        var poolIds = pool.Select(p => p.Id).ToList();
        var rest = ordered.Skip(lookup.Count).Select(f => f.Key).ToList();
        var documents = await db.Contributions
            .Where(c => poolIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.TermCount,
                c.LinkedToId,
                More = db.ContributionTerms.Where(t => t.ContributionId == c.Id && rest.Contains(t.Term)).Select(t => t.Term).ToList(),
            })
            .AsSingleQuery()
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        if (rest.Count > 0)
        {
            foreach (var document in documents.Values)
            {
                matchedByDocument[document.Id].UnionWith(document.More);
            }

            pool = pool.Select(p => (p.Id, p.Terms, Raw: RawScore(p.Terms, weights, skeletonOf))).ToList();
        }

        // BM25 compares a contribution's length with the average; the candidates' average stands in for the whole
        // organisation's (summing every contribution's length on each keystroke would not scale).
        var averageLength = documents.Count == 0 ? 1.0 : Math.Max(1.0, documents.Values.Sum(d => (long)d.TermCount) / (double)documents.Count);

        var ranked = new Dictionary<Guid, (double Score, HashSet<string> Terms)>();
        foreach (var candidate in pool)
        {
            if (!documents.TryGetValue(candidate.Id, out var document) || candidate.Raw / queryMass < Settings.MinimumCoverage)
            {
                continue;
            }

            var lengthNorm = (K1 + 1) / (1 + K1 * (1 - B + B * document.TermCount / averageLength));
            var score = candidate.Raw * lengthNorm;
            var rootId = document.LinkedToId ?? document.Id;
            if (rootId == excluding)
            {
                continue;
            }

            if (!ranked.TryGetValue(rootId, out var best) || best.Score < score)
            {
                ranked[rootId] = (score, candidate.Terms);
            }
        }

        // Divided by the most a text could score (all of it matched, in a contribution of no length), so the relevance
        // of one text's suggestions can be compared with another's and with another scorer's.
        var most = queryMass * (K1 + 1) / (1 + K1 * (1 - B));
        return ranked
            .OrderByDescending(r => r.Value.Score).ThenBy(r => r.Key)
            .Select(r => new ScoredIdea(r.Key, r.Value.Score / most, r.Value.Terms))
            .ToList();
    }

    /// <summary>Counted afresh, for a scorer without <see cref="TermStatistics"/> (a background job, a quality test).</summary>
    private async Task<(int Documents, Dictionary<string, int> Frequencies)> CountAsync(List<string> terms, CancellationToken cancellationToken)
    {
        var documents = await db.Contributions.CountAsync(cancellationToken);
        var frequencies = await db.ContributionTerms
            .Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.Term)
            .Select(g => new { Term = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Term, x => x.Count, StringComparer.Ordinal, cancellationToken);
        return (documents, frequencies);
    }

    private double Weight(int documents, string term, int withTerm)
    {
        // In a young organisation every word is in a large share of a handful of contributions: a word is common only
        // once more than a few contributions say it.
        var usual = Math.Max(Settings.CommonShare * documents, FewContributions);
        var common = withTerm > usual ? usual / withTerm : 1.0;
        return Idf(documents, withTerm) * common * (TextAnalyser.IsSkeleton(term) ? Settings.SkeletonWeight : 1.0);
    }

    private static double Idf(int documents, int withTerm) =>
        Math.Log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));

    private static double RawScore(HashSet<string> matched, Dictionary<string, double> weights,
        Dictionary<string, HashSet<string>> skeletonOf)
    {
        double score = 0;
        foreach (var term in matched)
        {
            if (!weights.TryGetValue(term, out var weight))
            {
                continue;
            }

            // A skeleton is counted only when none of the stems it stands for matched outright.
            if (TextAnalyser.IsSkeleton(term) && skeletonOf.TryGetValue(term, out var stems) && stems.Any(matched.Contains))
            {
                continue;
            }

            score += weight;
        }

        return score;
    }
}
