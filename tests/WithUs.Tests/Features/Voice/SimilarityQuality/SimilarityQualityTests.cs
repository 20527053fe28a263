using System.Globalization;
using System.Text;
using WithUs.Web.Features.Voice.Similarity;
using Xunit.Abstractions;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// The labelled quality check (docs/adr/0006-similarity.md, 0011-sentence-embeddings.md), once per labelled set: the
/// set is loaded into one organisation on each database and given its sentence vectors, every contribution and every
/// staff query is asked for three suggestions, and the figures must stay above the floors measured when the matcher
/// was last tuned, ahead of plain BM25 computed here on the same data, and ahead of words alone. Both databases must
/// rank alike.
/// See the figures: dotnet test ... --filter "FullyQualifiedName~SimilarityQuality" --logger "console;verbosity=detailed"
/// </summary>
public sealed class SimilarityQualityTests(SqliteWithMeaningFactory sqlite, PostgresWithMeaningFactory postgres, ITestOutputHelper output)
    : IClassFixture<SqliteWithMeaningFactory>, IClassFixture<PostgresWithMeaningFactory>
{
    /// <summary>
    /// Measured 2026-11-27 with LexicalSettings.Shipped and EmbeddingSettings.Shipped, the sentence model on
    /// (docs/performance.md has the table). The ranking is deterministic, so each floor sits just under its figure: a
    /// change that loses two or three right answers fails.
    /// </summary>
    [Theory]
    [InlineData("labelled-contributions.txt", 0.81, 0.85, 0.93)]
    [InlineData("labelled-seed-statements.txt", 0.35, 0.40, 0.50)]
    public async Task LabelledSet_RanksAlikeOnBothDatabases_StaysAboveTheFloors_AndAheadOfPlainBm25(
        string file, double precisionFloor, double recallFloor, double firstRightFloor)
    {
        var set = LabelledSet.Load(file);
        set.Contributions.Count().ShouldBeInRange(75, 130);

        var organisation = await LoadAsync(sqlite, set);
        var onSqlite = await AskAsync(sqlite, organisation, set);
        var onPostgres = await AskAsync(postgres, await LoadAsync(postgres, set), set);
        var baseline = new Bm25Baseline(set.Contributions);

        var figures = QualityFigures.Measure(set, Ids(onSqlite));
        var lexical = QualityFigures.Measure(set, Ids(await AskAsync(sqlite, organisation, set, LexicalSettings.Shipped)));
        var bm25 = QualityFigures.Measure(set, set.AllQueries.ToDictionary(q => q.Id,
            q => baseline.Find(q.Text, QualityFigures.K, excluding: q.IsQuery ? null : q.Id)));
        output.WriteLine($"{set.Name}: WithUs (words and meaning) {figures}");
        output.WriteLine($"{set.Name}: WithUs, words only         {lexical}");
        output.WriteLine($"{set.Name}: plain BM25                 {bm25}");
        output.WriteLine($"{set.Name}: on PostgreSQL " + QualityFigures.Measure(set, Ids(onPostgres)));
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
        figures.Recall.ShouldBeGreaterThan(bm25.Recall, $"WithUs {figures}\nplain BM25 {bm25}");
        figures.FirstRight.ShouldBeGreaterThan(bm25.FirstRight, $"WithUs {figures}\nplain BM25 {bm25}");
        figures.Recall.ShouldBeGreaterThan(lexical.Recall, $"meaning adds what words miss: with {figures}\nwords only {lexical}");
    }

    private static Dictionary<Guid, IReadOnlyList<Guid>> Ids(Dictionary<Guid, IReadOnlyList<SimilarContribution>> results) =>
        results.ToDictionary(r => r.Key, r => (IReadOnlyList<Guid>)r.Value.Select(s => s.Id).ToList());

    /// <summary>A new organisation holding the set's contributions, each with its sentence vector (once per database:
    /// their ids are fixed).</summary>
    internal static Task<TestOrganisation> LoadAsync(WithMeaningFactory app, LabelledSet set) =>
        app.Loaded.GetOrAdd(set.Name, _ => new Lazy<Task<TestOrganisation>>(() => LoadNewAsync(app, set))).Value;

    private static async Task<TestOrganisation> LoadNewAsync(WithUsFactory app, LabelledSet set)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.Contributions.AddRange(set.Contributions.Select(line => Said(line.Id, line.Text)));
            await db.SaveChangesAsync();
        });
        await EmbeddingJobTests.EmbedAllAsync(app);
        return organisation;
    }

    /// <summary>A labelled line as a contribution, said on one fixed day at a drop-in.</summary>
    internal static Contribution Said(Guid id, string text) => new()
    {
        Id = id,
        Text = text,
        Kind = ContributionKind.Idea,
        Channel = Channel.DropIn,
        SaidOnUtc = LabelledDay,
        CreatedAtUtc = LabelledDay,
    };

    internal static readonly DateTime LabelledDay = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// How meaning joins words (<see cref="EmbeddingSettings"/>), tried over a grid on both labelled sets together,
    /// cosines measured from nothing and from the organisation's mean: each setting is judged first by its worst
    /// precision@3 or recall@3 on either set, so it cannot fit one, then by the mean of all four. The shipped setting
    /// must be the one so chosen, within a hair; the grid is printed for whoever tunes it.
    /// </summary>
    [Fact]
    public async Task ShippedEmbeddingSettings_AreAmongTheBestOnBothLabelledSetsTogether()
    {
        var sets = LabelledSet.Files.Select(LabelledSet.Load).ToList();
        var evidence = new List<(LabelledSet Set, Dictionary<Guid, (IReadOnlyList<ScoredIdea> Words, IReadOnlyList<ScoredIdea> Cosines, IReadOnlyList<ScoredIdea> Centred)> Queries)>();
        foreach (var set in sets)
        {
            var organisation = await LoadAsync(sqlite, set);
            evidence.Add((set, await sqlite.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), OrganisationRole.Staff);
                var words = new LexicalScorer(services.GetRequiredService<WithUsDbContext>());
                EmbeddingScorer Meaning(bool centred) => new(services.GetRequiredService<WithUsDbContext>(), services.GetRequiredService<SentenceModel>(),
                    services.GetRequiredService<OrganisationVectors>())
                {
                    Settings = new EmbeddingSettings(Floor: -1, Weight: 2, Centred: centred),
                };
                var (meaning, centred) = (Meaning(centred: false), Meaning(centred: true));
                var byQuery = new Dictionary<Guid, (IReadOnlyList<ScoredIdea>, IReadOnlyList<ScoredIdea>, IReadOnlyList<ScoredIdea>)>();
                foreach (var query in set.AllQueries)
                {
                    var excluding = query.IsQuery ? (Guid?)null : query.Id;
                    // Floor −1 and weight 2 make the relevance (cosine + 1): the cosine itself is recovered below.
                    byQuery[query.Id] = (await words.ScoreAsync(query.Text, excluding, CancellationToken.None),
                        (await meaning.ScoreAsync(query.Text, excluding, CancellationToken.None)).Select(Cosine).ToList(),
                        (await centred.ScoreAsync(query.Text, excluding, CancellationToken.None)).Select(Cosine).ToList());
                }

                return byQuery;
            })));
        }

        (double Worst, double Mean) Judge(EmbeddingSettings settings, StringBuilder? line)
        {
            var figures = new List<double>();
            foreach (var (set, queries) in evidence)
            {
                var measured = QualityFigures.Measure(set, queries.ToDictionary(q => q.Key, q =>
                {
                    var combined = q.Value.Words.ToDictionary(w => w.IdeaId, w => w.Relevance);
                    foreach (var cosine in settings.Centred ? q.Value.Centred : q.Value.Cosines)
                    {
                        combined[cosine.IdeaId] = combined.GetValueOrDefault(cosine.IdeaId) + settings.Relevance(cosine.Relevance);
                    }

                    return (IReadOnlyList<Guid>)combined.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ThenBy(c => c.Key)
                        .Take(QualityFigures.K).Select(c => c.Key).ToList();
                }));
                figures.AddRange([measured.Precision, measured.Recall]);
                line?.Append(CultureInfo.InvariantCulture, $"  {set.Name[..12]} p {measured.Precision:0.000} r {measured.Recall:0.000} first {measured.FirstRight:0.000}");
            }

            return (figures.Min(), figures.Average());
        }

        var grid = new List<(EmbeddingSettings Settings, double Worst, double Mean)>();
        foreach (var (centred, floor) in Floors)
        {
            foreach (var weight in Weights)
            {
                var settings = new EmbeddingSettings(floor, weight, centred);
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{(centred ? "centred " : "")}floor {floor:0.00} weight {weight:0.00}"));
                var (worst, mean) = Judge(settings, line);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}  worst {worst:0.000} mean {mean:0.000}"));
                grid.Add((settings, worst, mean));
            }
        }

        // No set may be given up for the other: of the settings whose worst figure is within a hundredth of the best
        // worst, the one with the highest mean of all four figures.
        var bestWorst = grid.Max(g => g.Worst);
        var chosen = grid.Where(g => g.Worst >= bestWorst - 0.01).MaxBy(g => g.Mean);
        var shipped = Judge(EmbeddingSettings.Shipped, null);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"best worst {bestWorst:0.000}; chosen {chosen.Settings} worst {chosen.Worst:0.000} mean {chosen.Mean:0.000}; shipped {EmbeddingSettings.Shipped} worst {shipped.Worst:0.000} mean {shipped.Mean:0.000}"));
        shipped.Worst.ShouldBeGreaterThanOrEqualTo(bestWorst - 0.01, $"chosen on the grid: {chosen.Settings}");
        shipped.Mean.ShouldBeGreaterThanOrEqualTo(chosen.Mean - 0.005, $"chosen on the grid: {chosen.Settings}");
    }

    // Centred cosines are lower (what every line of the organisation shares is taken away), so their floors are too.
    private static readonly (bool Centred, double Floor)[] Floors =
    [
        .. new[] { 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70 }.Select(f => (false, f)),
        .. new[] { 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50 }.Select(f => (true, f)),
    ];

    private static readonly double[] Weights = [0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0];

    private static ScoredIdea Cosine(ScoredIdea idea) => idea with { Relevance = idea.Relevance - 1 };

    /// <summary>Every query of the set, asked in the organisation, with the shipped matcher or, given settings, words only.</summary>
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
