using System.Text;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// Plain BM25 (k1 1.2, b 0.75) with an ordinary English stop list and nothing else: no stemming, spellings, skeletons,
/// compounds or thresholds; the three best contributions that share any word. The yardstick the matcher must beat on
/// every labelled set, computed here on the same data.
/// </summary>
public sealed class Bm25Baseline
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "s", "t", "don", "dont", "cant", "im", "ive",
    };

    private readonly List<(Guid Id, Dictionary<string, int> Terms, int Length)> documents;
    private readonly Dictionary<string, int> frequencies = new(StringComparer.Ordinal);
    private readonly double averageLength;

    public Bm25Baseline(IEnumerable<LabelledLine> contributions)
    {
        documents = contributions.Select(c =>
        {
            var tokens = Tokens(c.Text);
            return (c.Id, tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), tokens.Count);
        }).ToList();
        foreach (var term in documents.SelectMany(d => d.Terms.Keys))
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
        }

        averageLength = documents.Count == 0 ? 1 : Math.Max(1, documents.Average(d => d.Length));
    }

    public IReadOnlyList<Guid> Find(string text, int take, Guid? excluding)
    {
        var query = Tokens(text).Distinct(StringComparer.Ordinal).ToList();
        return documents
            .Where(d => d.Id != excluding)
            .Select(d => (d.Id, Score: query.Where(d.Terms.ContainsKey).Sum(t =>
            {
                var tf = d.Terms[t];
                var idf = Math.Log(1 + (documents.Count - frequencies[t] + 0.5) / (frequencies[t] + 0.5));
                return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * d.Length / averageLength));
            })))
            .Where(d => d.Score > 0)
            .OrderByDescending(d => d.Score).ThenBy(d => d.Id)
            .Take(take)
            .Select(d => d.Id)
            .ToList();
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (c is '\'' or '’')
            {
                continue;
            }
            else if (current.Length > 0)
            {
                if (!StopWords.Contains(current.ToString()))
                {
                    tokens.Add(current.ToString());
                }

                current.Clear();
            }
        }

        return tokens;
    }
}
