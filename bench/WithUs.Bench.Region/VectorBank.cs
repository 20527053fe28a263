using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure;

namespace WithUs.Bench.Region;

/// <summary>
/// Sentence vectors for generated contributions. Embedding a million texts would take this machine a day, so the
/// first <c>limit</c> distinct texts are embedded with the app's own <see cref="SentenceModel"/> and every other
/// text borrows one of those vectors, chosen by a hash of its words. A page's cost depends on how many vectors an
/// organisation holds, not on which; suggestions' quality is measured elsewhere (docs/performance.md).
/// </summary>
public sealed class VectorBank(SentenceModel model, int limit)
{
    private readonly Dictionary<string, byte[]> byText = new(StringComparer.Ordinal);
    private readonly List<byte[]> made = [];

    public void Add(RegionRows rows)
    {
        var fresh = rows.Contributions.Select(c => c.Text).Where(t => t.Length > 0 && !byText.ContainsKey(t))
            .Distinct(StringComparer.Ordinal).Take(Math.Max(0, limit - byText.Count)).ToList();
        foreach (var batch in fresh.Chunk(64))
        {
            var vectors = model.Embed(batch) ?? throw new InvalidOperationException("The sentence model could not load: " + model.Problem);
            for (var i = 0; i < batch.Length; i++)
            {
                byText[batch[i]] = SentenceModel.ToBytes(vectors[i]);
                made.Add(byText[batch[i]]);
            }
        }

        if (made.Count == 0)
        {
            return;
        }

        // Every contribution, a "me too" with no words too: the app's embedding job gives each one a vector.
        foreach (var contribution in rows.Contributions)
        {
            rows.Vectors.Add(new ContributionVector
            {
                Id = Ids.New(),
                ContributionId = contribution.Id,
                OrganisationId = contribution.OrganisationId,
                Model = SentenceModel.Name,
                Vector = byText.TryGetValue(contribution.Text, out var vector)
                    ? vector
                    : made[(int)(Hash(contribution.Text) % (uint)made.Count)],
            });
        }
    }

    /// <summary>FNV-1a: the same text borrows the same vector in every run (string hashes differ between processes).</summary>
    private static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
