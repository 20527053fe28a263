using WithUs.Tests.Features.Voice;
using WithUs.Tests.Features.Voice.Import;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Tests.Features.Themes;

/// <summary>
/// The themes page's "Things said" is each theme's <see cref="Theme.ContributionCount"/>, kept by the database as links
/// are added and removed (issue 9). After each kind of change it must equal a count of the links themselves.
/// </summary>
public sealed class IndexContributionCountTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>Each theme's kept count, by name, after checking that every one equals its links counted afresh.</summary>
    private async Task<Dictionary<string, int>> CountsAsync(TestOrganisation organisation)
    {
        var themes = await app.InOrganisationAsync(organisation, db => db.Themes.AsNoTracking()
            .Select(t => new { t.Name, Kept = t.ContributionCount, Counted = db.ContributionThemes.Count(ct => ct.ThemeId == t.Id) })
            .ToListAsync());
        foreach (var theme in themes)
        {
            theme.Kept.ShouldBe(theme.Counted, $"the count kept for {theme.Name}");
        }

        return themes.ToDictionary(t => t.Name, t => t.Kept);
    }

    /// <summary>The "Things said" column of the themes page, by theme.</summary>
    private static async Task<Dictionary<string, string>> ShownAsync(SignedIn staff)
    {
        var page = await staff.Client.GetPageAsync($"{staff.Org}/themes");
        return page.QuerySelectorAll("main tbody tr").ToDictionary(
            row => row.QuerySelector("a")!.TextContent.Trim(),
            row => row.QuerySelectorAll("td")[1].TextContent.Trim());
    }

    [DatabaseFact]
    public async Task Capture_AndChoosingAContributionsThemes_KeepTheCount()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var money = await app.CreateThemeAsync(staff.Organisation, "Money");
        await app.CreateThemeAsync(staff.Organisation, "Unused");

        using var captured = await CaptureSteps.CaptureAsync(staff, new Dictionary<string, string> { ["Input.Text"] = "Cheaper lunches" },
            new("Input.ThemeIds", food.Id.ToString()), new("Input.ThemeIds", money.Id.ToString()));
        captured.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 1, ["Money"] = 1, ["Unused"] = 0 });

        var idea = CaptureSteps.IdFrom(captured);
        var url = $"{staff.Org}/voice/{idea}/themes";
        var page = await staff.Client.GetPageAsync(url);
        using var chosen = await staff.Client.PostFormAsync(url, [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Selected", money.Id.ToString())]);
        chosen.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 0, ["Money"] = 1, ["Unused"] = 0 });
        (await ShownAsync(staff)).ShouldBe(new Dictionary<string, string> { ["Food"] = "0", ["Money"] = "1", ["Unused"] = "0" });
    }

    [DatabaseFact]
    public async Task CapturesInParallel_EachCount()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");

        // Each says it has been shown the similar ideas, as the others saved first would be offered.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => CaptureSteps.CaptureAsync(staff,
            new Dictionary<string, string> { ["Input.Text"] = $"Lunch on Fridays, number {i}", ["Checked"] = "true" },
            KeyValuePair.Create("Input.ThemeIds", food.Id.ToString()))));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Redirect);
        (await CountsAsync(staff.Organisation))["Food"].ShouldBe(8);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [DatabaseFact]
    public async Task Import_OfNewRowsInBulk_AndOfUpdatedRows_KeepsTheCount()
    {
        using var staff = await app.SignedInAsync();
        await app.CreateThemeAsync(staff.Organisation, "Food");

        // New rows are written in bulk (COPY on PostgreSQL), a new theme through EF.
        var added = await ImportSteps.ImportAsync(app, staff, ImportSteps.Header
            + $"Cheaper lunches,Idea,Conversation,{CaptureSteps.Today},,,Food;Money\r\n"
            + $"Soup on cold days,Idea,Conversation,{CaptureSteps.Today},,,Food\r\n"
            + $"A bus to the centre,Idea,Conversation,{CaptureSteps.Today},,,\r\n");
        added.Status.ShouldBe(ImportStatus.Imported, added.Message);
        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 2, ["Money"] = 1 });

        // Updated rows change their links through EF.
        var soup = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.Where(c => c.Text == "Soup on cold days").Select(c => c.Id).SingleAsync());
        var bus = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.Where(c => c.Text == "A bus to the centre").Select(c => c.Id).SingleAsync());
        var updated = await ImportSteps.ImportAsync(app, staff, "Id,What was said,Themes\r\n"
            + $"{soup},Soup on cold days,Money\r\n"
            + $"{bus},A bus to the centre,Money;Food\r\n");
        updated.Status.ShouldBe(ImportStatus.Imported, updated.Message);

        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 2, ["Money"] = 3 });
    }

    [DatabaseFact]
    public async Task LinkingTheSameIdea_KeepsTheCount()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var weekends = await app.CreateThemeAsync(staff.Organisation, "Weekends");
        var kept = await app.CreateContributionAsync(staff.Organisation, "Could the drop-in open on Saturdays?");
        var other = await app.CreateContributionAsync(staff.Organisation, "Weekends are the longest days when everything is shut");
        await app.AddThemeAsync(staff.Organisation, kept.Id, food.Id);
        await app.AddThemeAsync(staff.Organisation, other.Id, weekends.Id);
        var offerId = await app.CreateSameIdeaOfferAsync(staff.Organisation, kept.Id, other.Id);
        var url = $"{staff.Org}/voice/same-idea/{offerId}";
        var page = await staff.Client.GetPageAsync(url);

        using var linked = await staff.Client.PostFormAsync(url, [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("keep", kept.Id.ToString())]);

        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 1, ["Weekends"] = 2 });
    }

    [DatabaseFact]
    public async Task AContributionDeletedInTheDatabase_LeavesTheCount_ThroughTheCascade()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var money = await app.CreateThemeAsync(staff.Organisation, "Money");
        var gone = await app.CreateContributionAsync(staff.Organisation, "Cheaper lunches");
        var stays = await app.CreateContributionAsync(staff.Organisation, "Soup on cold days");
        await app.AddThemeAsync(staff.Organisation, gone.Id, food.Id);
        await app.AddThemeAsync(staff.Organisation, gone.Id, money.Id);
        await app.AddThemeAsync(staff.Organisation, stays.Id, food.Id);

        // EF never sees these links go: the foreign key's ON DELETE CASCADE removes them.
        await app.InOrganisationAsync(staff.Organisation, db => db.Database.ExecuteSqlAsync($"""DELETE FROM "Contributions" WHERE "Id" = {gone.Id}"""));

        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 1, ["Money"] = 0 });
    }

    [DatabaseFact]
    public async Task Rebuild_RecountsACountThatWasWrong_AndLeavesTheRight()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        await app.CreateThemeAsync(staff.Organisation, "Money");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Cheaper lunches");
        await app.AddThemeAsync(staff.Organisation, idea.Id, food.Id);
        await app.InOrganisationAsync(staff.Organisation, db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "Themes" SET "ContributionCount" = 7 WHERE "Id" = {food.Id}"""));

        var corrected = await app.InOrganisationAsync(staff.Organisation, db => ThemeCounts.RebuildAsync(db, CancellationToken.None));

        corrected.ShouldBe(1);
        (await CountsAsync(staff.Organisation)).ShouldBe(new Dictionary<string, int> { ["Food"] = 1, ["Money"] = 0 });
    }
}
