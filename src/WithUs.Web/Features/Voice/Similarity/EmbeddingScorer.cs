namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Finds earlier ideas that mean the same as a text in other words ("hot dinners" and "soup"): the cosine between the
/// text's sentence vector and each contribution's stored one, within the current organisation only. Only a close
/// meaning counts (above <see cref="EmbeddingSettings.Floor"/>), scaled so that it adds to the lexical relevance: an
/// idea both scorers find rises, one only the model finds can still be suggested. Contributes nothing when the model is
/// off or cannot load, or to contributions not yet embedded.
/// </summary>
public sealed class EmbeddingScorer(WithUsDbContext db, SentenceModel model) : ISimilarityScorer
{
    private static readonly IReadOnlySet<string> NoTerms = new HashSet<string>();

    public EmbeddingSettings Settings { get; init; } = EmbeddingSettings.Shipped;

    public async Task<IReadOnlyList<ScoredIdea>> ScoreAsync(string text, Guid? excluding, CancellationToken cancellationToken)
    {
        if (!model.Enabled || model.EmbedRemembered([text], cancellationToken) is not [var query])
        {
            return [];
        }

        var stored = await db.ContributionVectors.AsNoTracking()
            .Where(v => v.Model == SentenceModel.Name && v.ContributionId != excluding)
            .Join(db.Contributions, v => v.ContributionId, c => c.Id, (v, c) => new { c.Id, c.LinkedToId, v.Vector })
            .ToListAsync(cancellationToken);

        var best = new Dictionary<Guid, double>();
        foreach (var row in stored)
        {
            var cosine = SentenceModel.Cosine(query, SentenceModel.FromBytes(row.Vector));
            var rootId = row.LinkedToId ?? row.Id;
            if (cosine <= Settings.Floor || rootId == excluding)
            {
                continue;
            }

            if (!best.TryGetValue(rootId, out var so) || so < cosine)
            {
                best[rootId] = cosine;
            }
        }

        return best
            .OrderByDescending(b => b.Value).ThenBy(b => b.Key)
            .Select(b => new ScoredIdea(b.Key, Settings.Relevance(b.Value), NoTerms))
            .ToList();
    }
}

/// <summary>
/// How meaning joins words, chosen on both labelled sets together: of a grid of floors and weights, the one whose
/// worst precision@3 or recall@3 over the two sets is highest (SimilarityQualityTests prints the grid; the figures
/// are in docs/performance.md). Meaning weighs more than words: a close meaning is the better evidence, while a shared
/// word is often an organisation's favourite one.
/// </summary>
/// <param name="Floor">Cosines at or below this are not evidence of the same idea (unrelated sentences of one
/// organisation commonly reach 0.2 to 0.3).</param>
/// <param name="Weight">The relevance of an identical meaning, beside the lexical scorer's 0 to 1.</param>
public sealed record EmbeddingSettings(double Floor, double Weight)
{
    public static readonly EmbeddingSettings Shipped = new(Floor: 0.35, Weight: 3.0);

    public double Relevance(double cosine) => cosine <= Floor ? 0 : Weight * (cosine - Floor) / (1 - Floor);
}
