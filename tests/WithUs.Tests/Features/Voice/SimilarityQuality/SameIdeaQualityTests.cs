using System.Globalization;
using System.Text;
using WithUs.Web.Features.Voice.SameIdea;
using Xunit.Abstractions;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// How often a same-idea offer is right, on both labelled sets with the sentence model on: every contribution is
/// compared as <see cref="SameIdeaFinder"/> compares a new idea (its closest few, itself excluded), and a pair is
/// offered when either side scores it at or above the threshold. Precision: the share of offered pairs that are in
/// one cluster. Share offered: of all the pairs in one cluster, the share offered. The table is printed for several
/// thresholds, by words and meaning and by words alone; the shipped thresholds must keep precision at or above the
/// floors (docs/performance.md, "Same-idea offers").
/// See the table: dotnet test ... --filter "FullyQualifiedName~SameIdeaQuality" --logger "console;verbosity=detailed"
/// </summary>
public sealed class SameIdeaQualityTests(SqliteWithMeaningFactory sqlite, ITestOutputHelper output) : IClassFixture<SqliteWithMeaningFactory>
{
    private static readonly double[] MeaningThresholds = [0.75, 1.0, 1.25, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.25, 2.5];

    private static readonly double[] WordThresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    /// <summary>
    /// Measured 2026-11-27 at the shipped thresholds (1.7 by words and meaning, 0.5 by words): on the first set every
    /// offer right, 7% and 2% of its same-idea pairs offered; on the second nothing offered (at every lower threshold
    /// tried, most of its offers were wrong). Each floor sits just under its figure.
    /// </summary>
    [Theory]
    [InlineData("labelled-contributions.txt", 0.99, 0.065, 0.99, 0.02)]
    [InlineData("labelled-seed-statements.txt", 0.90, 0.0, 0.90, 0.0)]
    public async Task Offers_AtTheShippedThresholds_AreNearlyAlwaysRight(string file, double precisionFloor, double shareFloor,
        double wordsPrecisionFloor, double wordsShareFloor)
    {
        var set = LabelledSet.Load(file);
        var organisation = await SimilarityQualityTests.LoadAsync(sqlite, set);
        var sameIdeaPairs = set.Contributions.Where(c => !c.Cluster.StartsWith(LabelledSet.SinglesCluster, StringComparison.Ordinal))
            .GroupBy(c => c.Cluster).Sum(g => g.Count() * (g.Count() - 1) / 2);
        var cluster = set.Contributions.ToDictionary(c => c.Id, c => c.Cluster);

        var byMeaning = await PairsAsync(organisation, set, byMeaning: true);
        var byWords = await PairsAsync(organisation, set, byMeaning: false);
        var table = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{set.Name}: {sameIdeaPairs} same-idea pairs among {set.Contributions.Count()} contributions\n"));
        (double Precision, double Share) Measure(Dictionary<(Guid, Guid), double> pairs, double threshold, string how)
        {
            var offered = pairs.Where(p => p.Value >= threshold).Select(p => p.Key).ToList();
            var right = offered.Count(p => cluster[p.Item1] == cluster[p.Item2]);
            // Nothing offered is nothing wrong: precision 1, shown as "-".
            var precision = offered.Count == 0 ? 1.0 : right / (double)offered.Count;
            var share = right / (double)sameIdeaPairs;
            var shown = offered.Count == 0 ? "-    " : precision.ToString("0.000", CultureInfo.InvariantCulture);
            table.Append(CultureInfo.InvariantCulture,
                $"  {how} threshold {threshold:0.00}: offered {offered.Count}, right {right}, precision {shown}, share of same-idea pairs offered {share:0.000}\n");
            return (precision, share);
        }

        foreach (var threshold in MeaningThresholds)
        {
            Measure(byMeaning, threshold, "words and meaning");
        }

        foreach (var threshold in WordThresholds)
        {
            Measure(byWords, threshold, "words only       ");
        }

        var shipped = Measure(byMeaning, SameIdeaFinder.WithMeaning, "SHIPPED, meaning ");
        var shippedWords = Measure(byWords, SameIdeaFinder.WordsOnly, "SHIPPED, words   ");
        output.WriteLine(table.ToString());

        shipped.Precision.ShouldBeGreaterThanOrEqualTo(precisionFloor, table.ToString());
        shipped.Share.ShouldBeGreaterThanOrEqualTo(shareFloor, table.ToString());
        shippedWords.Precision.ShouldBeGreaterThanOrEqualTo(wordsPrecisionFloor, table.ToString());
        shippedWords.Share.ShouldBeGreaterThanOrEqualTo(wordsShareFloor, table.ToString());
    }

    /// <summary>Every pair the finder would look at, with the higher of its two scores (each side asked as the new idea).</summary>
    private Task<Dictionary<(Guid, Guid), double>> PairsAsync(TestOrganisation organisation, LabelledSet set, bool byMeaning) =>
        sqlite.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), OrganisationRole.Staff);
            var finder = services.GetRequiredService<SameIdeaFinder>();
            var pairs = new Dictionary<(Guid, Guid), double>();
            foreach (var idea in set.Contributions)
            {
                foreach (var match in await finder.CandidatesAsync(idea.Id, idea.Text, byMeaning, CancellationToken.None))
                {
                    var pair = SameIdeaOffer.Pair(idea.Id, match.Id);
                    pairs[pair] = Math.Max(pairs.GetValueOrDefault(pair), match.Score);
                }
            }

            return pairs;
        });
}
