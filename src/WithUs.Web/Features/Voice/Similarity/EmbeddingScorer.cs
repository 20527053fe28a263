namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Finds earlier ideas that mean the same as a text in other words ("hot dinners" and "soup"): the cosine between the
/// text's sentence vector and each contribution's, within the current organisation only. Every vector is compared in
/// memory (<see cref="OrganisationVectors"/>, approximately); the closest <see cref="Candidates"/> are then read from
/// the database and scored exactly, which also drops any removed since and finds the idea a "me too" belongs to. Only
/// a close meaning counts (above <see cref="EmbeddingSettings.Floor"/>), scaled so that it adds to the lexical
/// relevance: an idea both scorers find rises, one only the model finds can still be suggested. Contributes nothing
/// when the model is off or cannot load, or to contributions not yet embedded.
/// </summary>
public sealed class EmbeddingScorer(WithUsDbContext db, SentenceModel model, OrganisationVectors held) : ISimilarityScorer
{
    /// <summary>Contributions re-scored exactly: far more than the three suggestions, so that the approximate
    /// comparison (within about 0.01) never decides which ideas are suggested.</summary>
    public const int Candidates = 64;

    // The approximate cosine is within about 0.01 of the exact one: candidates just under the floor are read too.
    private const double Margin = 0.02;

    private static readonly IReadOnlySet<string> NoTerms = new HashSet<string>();

    public EmbeddingSettings Settings { get; init; } = EmbeddingSettings.Shipped;

    /// <summary>The stored vectors of a few contributions, with the idea each belongs to: read by an index, never by
    /// reading the organisation's every vector (a plan test holds SQLite to that).</summary>
    internal static IQueryable<StoredVector> StoredVectors(WithUsDbContext db, List<Guid> contributionIds) =>
        db.ContributionVectors.AsNoTracking()
            .Where(v => v.Model == SentenceModel.Name && contributionIds.Contains(v.ContributionId))
            .Join(db.Contributions, v => v.ContributionId, c => c.Id, (v, c) => new StoredVector(c.Id, c.LinkedToId, v.Vector));

    public async Task<IReadOnlyList<ScoredIdea>> ScoreAsync(string text, Guid? excluding, CancellationToken cancellationToken)
    {
        if (!model.Enabled || model.EmbedRemembered([text], cancellationToken) is not [var query])
        {
            return [];
        }

        var vectors = await held.ForAsync(db, cancellationToken);
        var mean = Settings.Centred ? vectors.Mean() : null;
        var nearest = vectors.Nearest(query, Candidates + 1, Settings.Floor - Margin, mean)
            .Where(n => n.ContributionId != excluding)
            .Select(n => n.ContributionId)
            .ToList();
        if (nearest.Count == 0)
        {
            return [];
        }

        var stored = await StoredVectors(db, nearest).ToListAsync(cancellationToken);

        var best = new Dictionary<Guid, double>();
        foreach (var row in stored)
        {
            var vector = SentenceModel.FromBytes(row.Vector);
            var cosine = SentenceModel.Cosine(query, vector);
            if (mean is not null)
            {
                cosine = VectorSet.Centred(cosine, SentenceModel.Cosine(query, mean), SentenceModel.Cosine(vector, mean), SentenceModel.Cosine(mean, mean));
            }

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

/// <summary>A contribution's stored vector and the idea it belongs to (itself, or the one it is a "me too" of).</summary>
internal sealed record StoredVector(Guid Id, Guid? LinkedToId, byte[] Vector);

/// <summary>
/// How meaning joins words, chosen on both labelled sets together: of a grid of floors and weights, the one whose
/// worst precision@3 or recall@3 over the two sets is highest (SimilarityQualityTests prints the grid; the figures
/// are in docs/performance.md). Meaning weighs more than words: a close meaning is the better evidence, while a shared
/// word is often an organisation's favourite one.
/// </summary>
/// <param name="Floor">Cosines at or below this are not evidence of the same idea (unrelated sentences of one
/// organisation commonly reach 0.2 to 0.3).</param>
/// <param name="Weight">The relevance of an identical meaning, beside the lexical scorer's 0 to 1.</param>
/// <param name="Centred">Whether cosines are measured from the organisation's mean vector (<see cref="VectorSet.Mean"/>).</param>
public sealed record EmbeddingSettings(double Floor, double Weight, bool Centred = false)
{
    public static readonly EmbeddingSettings Shipped = new(Floor: 0.25, Weight: 3.0, Centred: true);

    public double Relevance(double cosine) => cosine <= Floor ? 0 : Weight * (cosine - Floor) / (1 - Floor);
}
