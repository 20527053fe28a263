using System.Globalization;
using System.Text;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Similarity;
using Xunit.Abstractions;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// The labelled check of the themes offered while capturing (labelled-themes.txt): each line is asked as if it were
/// being typed, with the rest of its organisation saved, tagged and given sentence vectors, and the themes offered
/// are compared with the line's own. The figures must stay above the floors measured when the settings were chosen,
/// and ahead of a plain baseline computed here on the same data: offering the themes whose name shares a word with
/// the text. Figures and the grid the settings were chosen from:
/// dotnet test ... --filter "FullyQualifiedName~ThemeSuggestionQuality" --logger "console;verbosity=detailed"
/// </summary>
public sealed class ThemeSuggestionQualityTests(SqliteWithMeaningFactory app, ITestOutputHelper output)
    : IClassFixture<SqliteWithMeaningFactory>
{
    /// <summary>
    /// Measured 2026-11-26 with ThemeSuggestionSettings.Shipped and the sentence model on (docs/performance.md): 34 of
    /// 42 offers right, 34 of 57 themes found. Each floor sits just under its figure: losing two right answers fails.
    /// </summary>
    private const double PrecisionFloor = 0.78;

    private const double RecallFloor = 0.57;

    // The grid the shipped settings were chosen from.
    private static readonly double[] IdeaWeights = [0.5, 1.0, 2.0];
    private static readonly double[] Floors = [0.25, 0.5, 0.75, 1.0];
    private static readonly double[] Relatives = [0.0, 0.5, 0.67, 0.8];
    private static readonly double[] MeaningFloors = [0.1, 0.15, 0.2, 0.25, 0.3];
    private static readonly double[] MeaningWeights = [1.0, 2.0, 3.0, 5.0];
    private static readonly (double Name, double Description)[] WordWeights =
        [(0.0, 0.0), (0.25, 0.0), (0.5, 0.0), (1.0, 0.0), (0.25, 0.25), (0.5, 0.5), (1.0, 0.5)];

    [Fact]
    public async Task LabelledThemes_StayAboveTheFloors_AheadOfNameMatching_AndTheShippedSettingsAreAmongTheBest()
    {
        var set = ThemeSet.Load();
        set.Lines.Count.ShouldBeInRange(40, 60);

        var withMeaning = new Dictionary<ThemeLine, IReadOnlyList<ThemeEvidence>>();
        var suggesting = new System.Diagnostics.Stopwatch();
        var wordsOnly = new Dictionary<ThemeLine, IReadOnlyList<ThemeEvidence>>();
        foreach (var organisation in set.Organisations)
        {
            var loaded = await LoadAsync(organisation);
            await app.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(loaded.ToEntity(), OrganisationRole.Staff);
                var db = services.GetRequiredService<WithUsDbContext>();
                var similar = services.GetRequiredService<SimilarContributions>();
                var byWords = new SimilarContributions(db, [new LexicalScorer(db)]);
                var themes = services.GetRequiredService<ThemeSuggestions>();
                foreach (var line in organisation.Lines)
                {
                    var found = await similar.FindAsync(line.Text, ThemeSuggestions.IdeasConsidered, line.Id);
                    suggesting.Start();
                    withMeaning[line] = await themes.EvidenceAsync(line.Text, found);
                    suggesting.Stop();
                    wordsOnly[line] = (await themes.EvidenceAsync(line.Text,
                            await byWords.FindAsync(line.Text, ThemeSuggestions.IdeasConsidered, line.Id)))
                        .Select(e => e with { Meaning = null }).ToList();
                }
            });
        }

        ThemeFigures Measure(Dictionary<ThemeLine, IReadOnlyList<ThemeEvidence>> evidence, ThemeSuggestionSettings settings) =>
            ThemeFigures.Measure(evidence.ToDictionary(e => e.Key, e => ThemeSuggestions.Choose(e.Value, settings).Select(t => t.Name).ToList()));

        var figures = Measure(withMeaning, ThemeSuggestionSettings.Shipped);
        var words = Measure(wordsOnly, ThemeSuggestionSettings.Shipped);
        var baseline = ThemeFigures.Measure(withMeaning.ToDictionary(e => e.Key, e => e.Value
            .Where(t => t.NameMatch > 0).OrderByDescending(t => t.NameMatch).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(ThemeSuggestions.Shown).Select(t => t.Name).ToList()));
        output.WriteLine($"WithUs (words and meaning) {figures}");
        output.WriteLine($"WithUs, words only         {words}");
        output.WriteLine($"theme-name word match      {baseline}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"themes for one text, after its similar ideas: {suggesting.Elapsed.TotalMilliseconds / set.Lines.Count:0.0} ms on average"));
        output.WriteLine(Misses(withMeaning, ThemeSuggestionSettings.Shipped));

        // Chosen as the best F1 that offers a theme for at most one of the six lines that have none; words only, the
        // same for what the name and description say.
        var shared =
            from ideas in IdeaWeights
            from floor in Floors
            from relative in Relatives
            select ThemeSuggestionSettings.Shipped with { IdeaWeight = ideas, Floor = floor, Relative = relative };
        var grid = (
                from settings in shared
                from meaningFloor in MeaningFloors
                from meaningWeight in MeaningWeights
                select settings with { MeaningFloor = meaningFloor, MeaningWeight = meaningWeight })
            .Select(settings => (settings, Measure(withMeaning, settings))).ToList();
        var wordsGrid = (
                from settings in shared
                from byWords in WordWeights
                select settings with { NameWeight = byWords.Name, DescriptionWeight = byWords.Description })
            .Select(settings => (settings, Measure(wordsOnly, settings))).ToList();

        var best = Best(grid, "with meaning");
        var bestWords = Best(wordsGrid, "words only");

        figures.Precision.ShouldBeGreaterThanOrEqualTo(PrecisionFloor, figures.ToString());
        figures.Recall.ShouldBeGreaterThanOrEqualTo(RecallFloor, figures.ToString());
        figures.Precision.ShouldBeGreaterThan(baseline.Precision, $"WithUs {figures}\nname match {baseline}");
        figures.Recall.ShouldBeGreaterThan(baseline.Recall, $"WithUs {figures}\nname match {baseline}");
        figures.F1.ShouldBeGreaterThanOrEqualTo(best.F1 - 0.02, $"best on the grid: {best}");
        // Words only is the fallback when the model cannot load; the floor and the share of the best are chosen for meaning.
        words.F1.ShouldBeGreaterThanOrEqualTo(bestWords.F1 - 0.03, $"best on the grid, words only: {bestWords}");
        words.Recall.ShouldBeGreaterThan(baseline.Recall, $"words only {words}\nname match {baseline}");
        figures.UnthemedGivenSome.ShouldBeLessThanOrEqualTo(1, figures.ToString());
    }

    private ThemeFigures Best(List<(ThemeSuggestionSettings Settings, ThemeFigures Figures)> grid, string what)
    {
        var ranked = grid.Where(g => g.Figures.UnthemedGivenSome <= 1).OrderByDescending(g => g.Figures.F1).ToList();
        foreach (var (settings, measured) in ranked.Take(10))
        {
            output.WriteLine($"{what}: {settings}: {measured}");
        }

        return ranked[0].Figures;
    }

    /// <summary>A new organisation with the set's themes and lines, each line tagged and given its sentence vector.</summary>
    private async Task<TestOrganisation> LoadAsync(ThemeOrganisation labelled)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.InOrganisationAsync(organisation, async db =>
        {
            var themes = labelled.Themes.ToDictionary(t => t.Name, t => new Theme
            {
                Id = Guid.CreateVersion7(),
                Name = t.Name,
                Description = t.Description,
                CreatedAtUtc = SimilarityQualityTests.LabelledDay,
            });
            db.Themes.AddRange(themes.Values);
            foreach (var line in labelled.Lines)
            {
                db.Contributions.Add(SimilarityQualityTests.Said(line.Id, line.Text));
                db.ContributionThemes.AddRange(line.Themes.Select(t => new ContributionTheme
                {
                    Id = Guid.CreateVersion7(),
                    ContributionId = line.Id,
                    ThemeId = themes[t].Id,
                }));
            }

            await db.SaveChangesAsync();
        });
        await EmbeddingJobTests.EmbedAllAsync(app);
        return organisation;
    }

    /// <summary>Every line offered a wrong theme or not offered one of its own, for whoever tunes the settings.</summary>
    private static string Misses(Dictionary<ThemeLine, IReadOnlyList<ThemeEvidence>> evidence, ThemeSuggestionSettings settings)
    {
        var report = new StringBuilder();
        foreach (var (line, themes) in evidence)
        {
            var offered = ThemeSuggestions.Choose(themes, settings);
            if (offered.Select(t => t.Name).Order(StringComparer.Ordinal).SequenceEqual(line.Themes.Order(StringComparer.Ordinal)))
            {
                continue;
            }

            report.Append(CultureInfo.InvariantCulture, $"[{string.Join(", ", line.Themes)}] {line.Text}\n");
            foreach (var t in themes.Where(t => settings.Score(t) > 0).OrderByDescending(settings.Score))
            {
                var mark = offered.Any(o => o.Id == t.Id) ? line.Themes.Contains(t.Name) ? "  ok " : "  BAD" : "     ";
                report.Append(CultureInfo.InvariantCulture,
                    $"{mark} {settings.Score(t):0.00} {t.Name} (ideas {t.FromIdeas:0.00}, name {t.NameMatch:0.00}, description {t.DescriptionMatch:0.00}, meaning {t.Meaning:0.00})\n");
            }
        }

        return report.ToString();
    }
}

/// <summary>
/// Precision: of all the themes offered, over every line, the share that are the line's own. Recall: of all the
/// lines' own themes, the share offered. Lines without a theme given some: how often an unrelated text was offered one.
/// </summary>
public sealed record ThemeFigures(int Lines, int Offered, int Right, int Own, double Precision, double Recall, int UnthemedGivenSome)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static ThemeFigures Measure(IReadOnlyDictionary<ThemeLine, List<string>> offered)
    {
        int shown = 0, right = 0, own = 0, unthemed = 0;
        foreach (var (line, names) in offered)
        {
            shown += names.Count;
            right += names.Count(line.Themes.Contains);
            own += line.Themes.Count;
            unthemed += line.Themes.Count == 0 && names.Count > 0 ? 1 : 0;
        }

        return new ThemeFigures(offered.Count, shown, right, own, shown == 0 ? 0 : right / (double)shown,
            own == 0 ? 0 : right / (double)own, unthemed);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lines {Lines}, themes offered {Offered} ({Right} right, of {Own} to find): precision {Precision:0.000}, " +
        $"recall {Recall:0.000}, F1 {F1:0.000}, lines without a theme offered one {UnthemedGivenSome}");
}
