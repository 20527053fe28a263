using System.Globalization;
using System.Text;
using WithUs.Web.Features.Voice.Similarity;
using Xunit.Abstractions;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// The labelled quality check (docs/adr/0006-similarity.md), once per labelled set: the set is loaded into one
/// organisation on each database, every contribution and every staff query is asked for three suggestions, and the
/// figures must stay above the floors measured when the matcher was last tuned, and ahead of plain BM25 computed here
/// on the same data. Both databases must rank alike.
/// See the figures: dotnet test ... --filter "FullyQualifiedName~SimilarityQuality" --logger "console;verbosity=detailed"
/// </summary>
public sealed class SimilarityQualityTests(SqliteWithUsFactory sqlite, PostgresWithUsFactory postgres, ITestOutputHelper output)
    : IClassFixture<SqliteWithUsFactory>, IClassFixture<PostgresWithUsFactory>
{
    /// <summary>
    /// Measured 2026-11-27 with LexicalSettings.Shipped (docs/performance.md has the table). The ranking is
    /// deterministic, so each floor sits just under its figure: a change that loses two or three right answers fails.
    /// </summary>
    [Theory]
    [InlineData("labelled-contributions.txt", 0.61, 0.59, 0.79)]
    [InlineData("labelled-seed-statements.txt", 0.28, 0.27, 0.41)]
    public async Task LabelledSet_RanksAlikeOnBothDatabases_StaysAboveTheFloors_AndAheadOfPlainBm25(
        string file, double precisionFloor, double recallFloor, double firstRightFloor)
    {
        var set = LabelledSet.Load(file);
        set.Contributions.Count().ShouldBeInRange(75, 130);

        var onSqlite = await RunAsync(sqlite, set);
        var onPostgres = await RunAsync(postgres, set);
        var baseline = new Bm25Baseline(set.Contributions);

        var figures = QualityFigures.Measure(set, onSqlite.ToDictionary(r => r.Key, r => (IReadOnlyList<Guid>)r.Value.Select(s => s.Id).ToList()));
        var bm25 = QualityFigures.Measure(set, set.AllQueries.ToDictionary(q => q.Id,
            q => baseline.Find(q.Text, QualityFigures.K, excluding: q.IsQuery ? null : q.Id)));
        output.WriteLine($"{set.Name}: WithUs      {figures}");
        output.WriteLine($"{set.Name}: plain BM25  {bm25}");
        output.WriteLine($"{set.Name}: on PostgreSQL " + QualityFigures.Measure(set, onPostgres.ToDictionary(r => r.Key, r => (IReadOnlyList<Guid>)r.Value.Select(s => s.Id).ToList())));
        output.WriteLine(Misses(set, onSqlite));

        foreach (var query in set.AllQueries)
        {
            var a = onSqlite[query.Id];
            var b = onPostgres[query.Id];
            a.Select(s => s.Id).ShouldBe(b.Select(s => s.Id), $"the two databases rank differently for \"{query.Text}\"");
            for (var i = 0; i < a.Count; i++)
            {
                a[i].Score.ShouldBe(b[i].Score, 1e-9);
                a[i].MatchedWords.ShouldBe(b[i].MatchedWords);
            }
        }

        figures.Precision.ShouldBeGreaterThanOrEqualTo(precisionFloor, figures.ToString());
        figures.Recall.ShouldBeGreaterThanOrEqualTo(recallFloor, figures.ToString());
        figures.FirstRight.ShouldBeGreaterThanOrEqualTo(firstRightFloor, figures.ToString());
        figures.Precision.ShouldBeGreaterThan(bm25.Precision, $"WithUs {figures}\nplain BM25 {bm25}");
        figures.FirstRight.ShouldBeGreaterThan(bm25.FirstRight, $"WithUs {figures}\nplain BM25 {bm25}");
    }

    private static async Task<Dictionary<Guid, IReadOnlyList<SimilarContribution>>> RunAsync(WithUsFactory app, LabelledSet set) =>
        await AskAsync(app, await LoadAsync(app, set), set);

    /// <summary>A new organisation holding the set's contributions (once per database: their ids are fixed).</summary>
    internal static async Task<TestOrganisation> LoadAsync(WithUsFactory app, LabelledSet set)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.InOrganisationAsync(organisation, async db =>
        {
            var when = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
            db.Contributions.AddRange(set.Contributions.Select(line => new Contribution
            {
                Id = line.Id,
                Text = line.Text,
                Kind = ContributionKind.Idea,
                Channel = Channel.DropIn,
                SaidOnUtc = when,
                CreatedAtUtc = when,
            }));
            await db.SaveChangesAsync();
        });
        return organisation;
    }

    /// <summary>Every query of the set, asked in the organisation, with the shipped matcher or other settings.</summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<SimilarContribution>>> AskAsync(WithUsFactory app,
        TestOrganisation organisation, LabelledSet set, LexicalSettings? settings = null) =>
        await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), OrganisationRole.Staff);
            var db = services.GetRequiredService<WithUsDbContext>();
            var similar = settings is null
                ? services.GetRequiredService<SimilarContributions>()
                : new SimilarContributions(db, [new LexicalScorer(db) { Settings = settings }]);
            var results = new Dictionary<Guid, IReadOnlyList<SimilarContribution>>();
            foreach (var query in set.AllQueries)
            {
                results[query.Id] = await similar.FindAsync(query.Text, QualityFigures.K, excluding: query.IsQuery ? null : query.Id);
            }

            return results;
        });

    /// <summary>Every query that showed a wrong suggestion or missed a findable one, for whoever tunes the analyser.</summary>
    private static string Misses(LabelledSet set, Dictionary<Guid, IReadOnlyList<SimilarContribution>> results)
    {
        var byId = set.Contributions.ToDictionary(c => c.Id);
        var report = new StringBuilder();
        foreach (var query in set.AllQueries)
        {
            var relevant = set.RelevantTo(query);
            var top = results[query.Id];
            var wrong = top.Where(s => !relevant.Contains(s.Id)).ToList();
            var missed = relevant.Count(r => top.All(s => s.Id != r));
            if (wrong.Count == 0 && (missed == 0 || top.Count == QualityFigures.K))
            {
                continue;
            }

            report.Append(CultureInfo.InvariantCulture, $"[{query.Cluster}] {query.Text}\n");
            foreach (var s in top)
            {
                var mark = relevant.Contains(s.Id) ? "  ok " : "  BAD";
                report.Append(CultureInfo.InvariantCulture,
                    $"{mark} {s.Score:0.00} [{byId[s.Id].Cluster}] {s.Text} ({string.Join(", ", s.MatchedWords)})\n");
            }

            report.Append(CultureInfo.InvariantCulture, $"  missed {missed} of {relevant.Count}\n");
        }

        return report.ToString();
    }
}
