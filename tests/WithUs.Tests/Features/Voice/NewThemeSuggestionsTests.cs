using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// Voice/New, suggested themes: the themes of earlier ideas like the text, offered beside the theme checkboxes in the
/// same answer as the similar ideas (out of band, only when they change), or on the check step without JavaScript.
/// </summary>
public sealed class NewThemeSuggestionsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SimilarFragment_OffersTheThemesOfSimilarIdeasAndOfTheirMeToos_BesideTheCheckboxes()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var evenings = await app.CreateThemeAsync(staff.Organisation, "Evenings");
        var transport = await app.CreateThemeAsync(staff.Organisation, "Transport");
        var soup = await app.CreateContributionAsync(staff.Organisation, "Hot soup at the lunch club on cold days");
        await app.AddThemeAsync(staff.Organisation, soup.Id, food.Id);
        var supper = await app.CreateContributionAsync(staff.Organisation, "A supper club after work");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Hot soup at the supper club too", c => c.LinkedToId = supper.Id);
        await app.AddThemeAsync(staff.Organisation, meToo.Id, evenings.Id);
        var minibus = await app.CreateContributionAsync(staff.Organisation, "A minibus from the estate");
        await app.AddThemeAsync(staff.Organisation, minibus.Id, transport.Id);

        var fragment = await SimilarAsync(staff, "hot soup at the lunch club please", shown: "");

        var region = Region(fragment);
        region.GetAttribute("hx-swap-oob").ShouldBe("innerHTML");
        region.QuerySelector("p")!.TextContent.ShouldBe("Themes that ideas like this were given:");
        var buttons = region.QuerySelectorAll("button[name='AddTheme']");
        buttons.Select(b => b.TextContent).ShouldBe(["Food", "Evenings"], ignoreOrder: true, "a me too's theme counts for its idea");
        var foodButton = buttons.Single(b => b.TextContent == "Food");
        foodButton.GetAttribute("value").ShouldBe(food.Id.ToString());
        foodButton.GetAttribute("data-withus-tick").ShouldBe(food.Id.ToString());
        region.QuerySelector("input[name='ShownThemes']")!.GetAttribute("value")!.Split(',')
            .ShouldBe([food.Id.ToString(), evenings.Id.ToString()], ignoreOrder: true);
        fragment.QuerySelectorAll(".withus-similar__item").Length.ShouldBe(2, "the similar ideas still come first");
    }

    [DatabaseFact]
    public async Task SimilarFragment_NeverOffersAnotherOrganisationsThemeOrAnArchivedOne()
    {
        using var staff = await app.SignedInAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        await app.CreateThemeAsync(elsewhere, "Soup");
        var archived = await app.CreateThemeAsync(staff.Organisation, "Soup kitchen");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Themes.SingleAsync(t => t.Id == archived.Id)).IsArchived = true;
            await db.SaveChangesAsync();
        });
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var soup = await app.CreateContributionAsync(staff.Organisation, "Hot soup at the lunch club on cold days");
        await app.AddThemeAsync(staff.Organisation, soup.Id, archived.Id);
        await app.AddThemeAsync(staff.Organisation, soup.Id, food.Id);

        var fragment = await SimilarAsync(staff, "a soup kitchen with hot soup at the lunch club", shown: "");

        Region(fragment).QuerySelectorAll("button[name='AddTheme']").Select(b => b.TextContent).ShouldBe(["Food"]);
        fragment.Body!.TextContent.ShouldNotContain("Soup kitchen");
    }

    [DatabaseFact]
    public async Task SimilarFragment_OffersNothingForAnUnrelatedText_AndLeavesTheRegionAloneWhenNothingChanged()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var soup = await app.CreateContributionAsync(staff.Organisation, "Hot soup at the lunch club on cold days");
        await app.AddThemeAsync(staff.Organisation, soup.Id, food.Id);

        (await SimilarAsync(staff, "my cat had kittens last week", shown: "")).QuerySelector("#theme-suggestions")
            .ShouldBeNull("nothing to offer, and nothing was offered before");
        Region(await SimilarAsync(staff, "my cat had kittens last week", shown: food.Id.ToString()))
            .QuerySelectorAll("button").ShouldBeEmpty("the earlier offer is taken back");
        (await SimilarAsync(staff, "soup at the lunch club", shown: food.Id.ToString())).QuerySelector("#theme-suggestions")
            .ShouldBeNull("the same offer as before: the region, and what a screen reader said, stay as they are");
    }

    [DatabaseFact]
    public async Task Capture_WithoutJavaScript_OffersThemesOnTheCheckStep_TicksOneOnlyWhenChosen_ThenSavesIt()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        await app.CreateThemeAsync(staff.Organisation, "Transport");
        var soup = await app.CreateContributionAsync(staff.Organisation, "Hot soup at the lunch club on cold days");
        await app.AddThemeAsync(staff.Organisation, soup.Id, food.Id);

        using var check = await CaptureAsync(staff, new Dictionary<string, string> { ["Input.Text"] = "Soup at the lunch club please" });
        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await check.ReadHtmlAsync();
        Region(page).GetAttribute("aria-live").ShouldBe("polite");
        Region(page).QuerySelector("button[name='AddTheme']")!.TextContent.ShouldBe("Food");
        FoodBox(page, food.Id).HasAttribute("checked").ShouldBeFalse("offered, never ticked for them");

        using var chosen = await staff.Client.SubmitAsync(page, staff.New, new Dictionary<string, string> { ["AddTheme"] = food.Id.ToString() });
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticked = await chosen.ReadHtmlAsync();
        FoodBox(ticked, food.Id).HasAttribute("checked").ShouldBeTrue();
        ticked.QuerySelector("#similar h2")!.TextContent.ShouldBe("Is this the same as something already said?");
        ticked.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("Soup at the lunch club please");
        (await ContributionsAsync(app, staff.Organisation)).Count.ShouldBe(1, "choosing a theme saves nothing");

        using var saved = await staff.Client.SubmitAsync(ticked, staff.New, new Dictionary<string, string>());
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var all = await ContributionsAsync(app, staff.Organisation);
        all.Count.ShouldBe(2);
        all[1].Text.ShouldBe("Soup at the lunch club please");
        all[1].Themes.Select(t => t.ThemeId).ShouldBe([food.Id]);
    }

    [DatabaseFact]
    public async Task SimilarFragment_QueryCount_DoesNotGrowWithTheSimilarIdeasOrTheirThemes()
    {
        async Task<int> QueriesAsync(int ideas)
        {
            using var staff = await app.SignedInAsync();
            var themes = new List<Guid>();
            for (var i = 0; i < 4; i++)
            {
                themes.Add((await app.CreateThemeAsync(staff.Organisation, $"Theme {i}")).Id);
            }

            for (var i = 0; i < ideas; i++)
            {
                var idea = await app.CreateContributionAsync(staff.Organisation, $"Soup at the lunch club, number {i}");
                await app.AddThemeAsync(staff.Organisation, idea.Id, themes[i % 4]);
                var meToo = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);
                await app.AddThemeAsync(staff.Organisation, meToo.Id, themes[(i + 1) % 4]);
            }

            var page = await staff.Client.GetPageAsync(staff.New);
            app.Queries.Reset();
            using var response = await PostSimilarAsync(staff, page, "soup at the lunch club", "");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return app.Queries.Count;
        }

        var withOne = await QueriesAsync(1);
        var withTwelve = await QueriesAsync(12);

        withTwelve.ShouldBe(withOne);
    }

    private static IElement Region(IHtmlDocument page) =>
        page.QuerySelector("#theme-suggestions") ?? throw new ShouldAssertException("No suggested themes region:\n" + page.Body!.InnerHtml);

    private static IElement FoodBox(IHtmlDocument page, Guid food) =>
        page.QuerySelector($"input[name='Input.ThemeIds'][value='{food}']")!;

    /// <summary>The htmx request of a pause in typing: the whole form is sent, with the themes the page shows now.</summary>
    private static async Task<IHtmlDocument> SimilarAsync(SignedIn staff, string text, string shown)
    {
        var page = await staff.Client.GetPageAsync(staff.New);
        using var response = await PostSimilarAsync(staff, page, text, shown);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadHtmlAsync();
    }

    private static Task<HttpResponseMessage> PostSimilarAsync(SignedIn staff, IHtmlDocument page, string text, string shown) =>
        staff.Client.PostFormAsync(staff.New + "?handler=Similar",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Input.Text", text), new("ShownThemes", shown)]);
}
