namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>An earlier idea like the text being typed: its words that made the match, its outcome, its voices.</summary>
public sealed record SimilarContribution(
    Guid Id,
    string Text,
    ContributionKind Kind,
    OutcomeStatus Outcome,
    int Voices,
    double Score,
    IReadOnlyList<string> MatchedWords);

/// <summary>
/// Finds the earlier ideas most like a text, within the current organisation only: every registered
/// <see cref="ISimilarityScorer"/> (today the lexical one) gives each idea a relevance, and the sum ranks them (ties
/// by id, so both databases give the very same list).
/// </summary>
public sealed class SimilarContributions(WithUsDbContext db, IEnumerable<ISimilarityScorer> scorers)
{
    public async Task<IReadOnlyList<SimilarContribution>> FindAsync(string? text, int take = 3, Guid? excluding = null,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var combined = new Dictionary<Guid, (double Relevance, HashSet<string> Terms)>();
        foreach (var scorer in scorers)
        {
            foreach (var idea in await scorer.ScoreAsync(text, excluding, cancellationToken))
            {
                var (relevance, terms) = combined.GetValueOrDefault(idea.IdeaId, (0, new HashSet<string>(StringComparer.Ordinal)));
                terms.UnionWith(idea.Terms);
                combined[idea.IdeaId] = (relevance + idea.Relevance, terms);
            }
        }

        var top = combined.OrderByDescending(r => r.Value.Relevance).ThenBy(r => r.Key).Take(take).ToList();
        if (top.Count == 0)
        {
            return [];
        }

        var topIds = top.Select(t => t.Key).ToList();
        var roots = await db.Contributions.AsNoTracking()
            .Where(c => topIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Text, c.Kind, c.Outcome, c.VoiceCount })
            .ToDictionaryAsync(c => c.Id, cancellationToken);

        return top.Where(t => roots.ContainsKey(t.Key)).Select(t =>
        {
            var root = roots[t.Key];
            return new SimilarContribution(root.Id, root.Text, root.Kind, root.Outcome,
                root.VoiceCount, t.Value.Relevance, MatchedWords(root.Text, t.Value.Terms));
        }).ToList();
    }

    /// <summary>The words of the suggestion, as written there, that made it similar: shown to staff as the reason.</summary>
    public static IReadOnlyList<string> MatchedWords(string text, IReadOnlySet<string> terms) =>
        TextAnalyser.Words(text)
            .Where(w => terms.Contains(w.Stem) || (w.Skeleton is not null && terms.Contains(w.Skeleton)))
            .Select(w => w.Surface)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
