using System.Globalization;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>One labelled line: a contribution (loaded) or a query (only asked), and the cluster it belongs to.</summary>
public sealed record LabelledLine(int Set, int Number, string Cluster, string Text, bool IsQuery)
{
    /// <summary>The same id on every database and every run, so rankings (and their tie-breaks) can be compared;
    /// distinct between sets, which share a database.</summary>
    public Guid Id { get; } = Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0195a000-0000-7000-{8000 + Set:D4}-{Number:D12}"));
}

/// <summary>
/// A labelled set (format described at the top of each file): clusters of contributions a coordinator would call
/// "the same idea", distractors that are like nothing else, and staff-typed queries. There are two, of different
/// kinds: requests made at drop-ins and lunch clubs (labelled-contributions.txt), and what people say about taking
/// part, drawn from the seed documents' quotes (labelled-seed-statements.txt).
/// </summary>
public sealed class LabelledSet
{
    public const string SinglesCluster = "singles";

    public static readonly IReadOnlyList<string> Files = ["labelled-contributions.txt", "labelled-seed-statements.txt"];

    private LabelledSet(string name, IReadOnlyList<LabelledLine> lines)
    {
        Name = name;
        Lines = lines;
    }

    public string Name { get; }

    public IReadOnlyList<LabelledLine> Lines { get; }

    public IEnumerable<LabelledLine> Contributions => Lines.Where(l => !l.IsQuery);

    public IEnumerable<LabelledLine> Queries => Lines.Where(l => l.IsQuery);

    public static LabelledSet Load(string file)
    {
        var set = Files.ToList().IndexOf(file) + 1;
        if (set == 0)
        {
            throw new ArgumentException("Not a labelled set: " + file, nameof(file));
        }

        var text = RepositoryFiles.Read("tests", "WithUs.Tests", "Features", "Voice", "SimilarityQuality", file);
        var lines = new List<LabelledLine>();
        string? cluster = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("==", StringComparison.Ordinal))
            {
                cluster = line[2..].Trim();
                continue;
            }

            if (cluster is null)
            {
                throw new InvalidOperationException("A labelled line comes before any \"== cluster\" heading: " + line);
            }

            number++;
            var isQuery = line.StartsWith("? ", StringComparison.Ordinal);
            // Each distractor is a cluster of its own.
            var label = cluster == SinglesCluster ? SinglesCluster + "-" + number.ToString(CultureInfo.InvariantCulture) : cluster;
            lines.Add(new LabelledLine(set, number, label, isQuery ? line[2..].Trim() : line, isQuery));
        }

        return new LabelledSet(file, lines);
    }

    /// <summary>What a query should find: every loaded contribution of its cluster except itself.</summary>
    public IReadOnlySet<Guid> RelevantTo(LabelledLine query) =>
        Contributions.Where(c => c.Cluster == query.Cluster && c.Id != query.Id).Select(c => c.Id).ToHashSet();

    /// <summary>Every loaded contribution asked as a query (excluding itself), then every staff-typed query.</summary>
    public IEnumerable<LabelledLine> AllQueries => Contributions.Concat(Queries);
}

/// <summary>
/// The figures of one run over the labelled set, with k = 3 (the suggestions staff see).
/// Precision@3: of all the suggestions shown, over every query, the share that belong to the query's cluster (a
/// suggestion shown for a distractor is always wrong; a query with no suggestions adds nothing).
/// Recall@3: per query that has something to find, the found share of what could be found in three,
/// |relevant ∩ top 3| / min(3, |relevant|), averaged over those queries.
/// </summary>
public sealed record QualityFigures(int Queries, int Shown, int RightShown, double Precision, double Recall,
    double FirstRight, int DistractorQueriesWithSuggestions)
{
    public const int K = 3;

    public static QualityFigures Measure(LabelledSet set, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> results)
    {
        int shown = 0, right = 0, withSomething = 0, firstRight = 0, distractorsAnswered = 0;
        double recallSum = 0;
        foreach (var query in set.AllQueries)
        {
            var relevant = set.RelevantTo(query);
            var top = results[query.Id].Take(K).ToList();
            shown += top.Count;
            var hits = top.Count(relevant.Contains);
            right += hits;
            if (relevant.Count == 0)
            {
                distractorsAnswered += top.Count > 0 ? 1 : 0;
                continue;
            }

            withSomething++;
            recallSum += hits / (double)Math.Min(K, relevant.Count);
            firstRight += top.Count > 0 && relevant.Contains(top[0]) ? 1 : 0;
        }

        return new QualityFigures(set.AllQueries.Count(), shown, right,
            shown == 0 ? 0 : right / (double)shown,
            withSomething == 0 ? 0 : recallSum / withSomething,
            withSomething == 0 ? 0 : firstRight / (double)withSomething,
            distractorsAnswered);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"queries {Queries}, suggestions shown {Shown} ({RightShown} right): precision@3 {Precision:0.000}, " +
        $"recall@3 {Recall:0.000}, first suggestion right {FirstRight:0.000}, distractors given a suggestion {DistractorQueriesWithSuggestions}");
}
