using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Themes;

public sealed class ThemesTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private Task<List<Theme>> ThemesAsync(TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.Themes.AsNoTracking().ToListAsync());

    [DatabaseFact]
    public async Task Add_ATheme_ListsItWithItsCounts()
    {
        using var staff = await app.SignedInAsync();
        var url = $"{staff.Org}/themes";

        using var response = await staff.PostPageAsync(url, new() { ["Input.Name"] = "  Getting here ", ["Input.Description"] = "Buses and lifts" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(url);
        var theme = (await ThemesAsync(staff.Organisation)).ShouldHaveSingleItem();
        theme.Name.ShouldBe("Getting here");
        theme.Description.ShouldBe("Buses and lifts");
        var idea = await app.CreateContributionAsync(staff.Organisation, "More buses please");
        await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);
        var row = (await staff.Client.GetPageAsync(url)).QuerySelector("main tbody tr")!;
        row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ShouldBe(["Getting here", "1", "1"]);
    }

    [DatabaseFact]
    public async Task Add_ANameAlreadyUsedInAnyCase_Answers400AndAddsNothing()
    {
        using var staff = await app.SignedInAsync();
        await app.CreateThemeAsync(staff.Organisation, "Food");

        using var response = await staff.PostPageAsync($"{staff.Org}/themes", new() { ["Input.Name"] = " fOOD " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["There is already a theme called \"fOOD\". Choose a different name"]);
        page.FieldValue("Input.Name").ShouldBe(" fOOD ");
        (await ThemesAsync(staff.Organisation)).Count.ShouldBe(1);
    }

    [DatabaseFact]
    public async Task Add_TheSameNameInAnotherOrganisation_IsAllowed()
    {
        using var staff = await app.SignedInAsync();
        var other = await app.CreateOrganisationAsync();
        await app.CreateThemeAsync(other, "Food");

        using var response = await staff.PostPageAsync($"{staff.Org}/themes", new() { ["Input.Name"] = "Food" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [DatabaseFact]
    public async Task Add_WithNoNameOrATooLongOne_Answers400()
    {
        using var staff = await app.SignedInAsync();

        using var empty = await staff.PostPageAsync($"{staff.Org}/themes", new() { ["Input.Name"] = " " });
        using var tooLong = await staff.PostPageAsync($"{staff.Org}/themes", new() { ["Input.Name"] = new string('x', 81) });

        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Enter a name for the theme"]);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadHtmlAsync()).ErrorSummary().ShouldBe(["The name must be 80 characters or fewer"]);
        (await ThemesAsync(staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task ThemePage_ShowsItsContributionsAndAVoicesTableForTheChart()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Food <script>");
        var person = await app.CreatePersonAsync(staff.Organisation);
        var idea = await app.CreateContributionAsync(staff.Organisation, "A community kitchen", c => c.PersonId = person.Id);
        await app.CreateContributionAsync(staff.Organisation, "Me too", c => { c.LinkedToId = idea.Id; c.PersonId = person.Id; });
        await app.CreateContributionAsync(staff.Organisation, "Me too, anonymously", c => c.LinkedToId = idea.Id);
        await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/themes/{theme.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Food <script>");
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Food <script>");
        page.QuerySelector("main")!.TextContent.ShouldContain("2 voices in the last 90 days");
        page.QuerySelector("main")!.TextContent.ShouldContain("A community kitchen");
        var table = page.QuerySelector("#voices-over-time")!;
        table.QuerySelectorAll("tbody tr").Length.ShouldBeInRange(13, 14);
        table.QuerySelectorAll("tbody td").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).Sum().ShouldBe(2);
        page.QuerySelector("[data-voices-chart-for='voices-over-time']").ShouldNotBeNull();
        page.QuerySelector("script[src='/lib/chart.js/chart.umd.min.js']").ShouldNotBeNull();
        page.QuerySelectorAll("script:not([src])").Length.ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Archive_AndUnarchive_ChangeWhetherTheThemeIsInUse()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation);
        var url = $"{staff.Org}/themes/{theme.Id}";
        var page = await staff.Client.GetPageAsync(url);

        using var archived = await staff.Client.PostFormAsync($"{url}?handler=Archive", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);

        archived.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ThemesAsync(staff.Organisation)).Single().IsArchived.ShouldBeTrue();
        using var back = await staff.Client.PostFormAsync($"{url}?handler=Unarchive", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);
        (await ThemesAsync(staff.Organisation)).Single().IsArchived.ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task Edit_RenamesAndDescribes_ButRefusesAnotherThemesName()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Transport");
        await app.CreateThemeAsync(staff.Organisation, "Housing");
        var url = $"{staff.Org}/themes/{theme.Id}/edit";

        using var clash = await staff.PostPageAsync(url, new() { ["Input.Name"] = "housing" });
        using var saved = await staff.PostPageAsync(url, new() { ["Input.Name"] = "Getting about", ["Input.Description"] = "Buses" });

        clash.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Location().ShouldBe($"{staff.Org}/themes/{theme.Id}");
        var renamed = (await ThemesAsync(staff.Organisation)).Single(t => t.Id == theme.Id);
        renamed.Name.ShouldBe("Getting about");
        renamed.Description.ShouldBe("Buses");
    }

    [DatabaseFact]
    public async Task ContributionThemes_ReplacesTheThemesItIsIn()
    {
        using var staff = await app.SignedInAsync();
        var food = await app.CreateThemeAsync(staff.Organisation, "Food");
        var money = await app.CreateThemeAsync(staff.Organisation, "Money");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Cheaper lunches");
        await app.AddThemeAsync(staff.Organisation, idea.Id, food.Id);
        var url = $"{staff.Org}/voice/{idea.Id}/themes";
        var page = await staff.Client.GetPageAsync(url);
        page.QuerySelector($"input[value='{food.Id}']")!.HasAttribute("checked").ShouldBeTrue();

        using var response = await staff.Client.PostFormAsync(url, [
            new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Selected", money.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}");
        var themes = await app.InOrganisationAsync(staff.Organisation, db =>
            db.ContributionThemes.Where(ct => ct.ContributionId == idea.Id).Select(ct => ct.ThemeId).ToListAsync());
        themes.ShouldBe([money.Id]);
    }

    [DatabaseFact]
    public async Task ContributionThemes_WithAThemeFromAnotherOrganisation_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Cheaper lunches");
        var foreign = await app.CreateThemeAsync(await app.CreateOrganisationAsync(), "Elsewhere");
        var url = $"{staff.Org}/voice/{idea.Id}/themes";
        await app.CreateThemeAsync(staff.Organisation, "Ours");
        var page = await staff.Client.GetPageAsync(url);

        using var response = await staff.Client.PostFormAsync(url, [
            new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Selected", foreign.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose from the themes listed"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.ContributionThemes.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task ThemesPage_QueryCount_DoesNotGrowWithThemes()
    {
        async Task<int> QueriesAsync(int themes)
        {
            using var staff = await app.SignedInAsync();
            for (var i = 0; i < themes; i++)
            {
                var theme = await app.CreateThemeAsync(staff.Organisation);
                var idea = await app.CreateContributionAsync(staff.Organisation, $"Idea {i}");
                await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);
            }

            var url = $"{staff.Org}/themes";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("main tbody tr").Length.ShouldBe(themes);
            return app.Queries.Count;
        }

        var few = await QueriesAsync(2);
        var many = await QueriesAsync(15);

        many.ShouldBe(few);
    }

    [DatabaseTheory]
    [InlineData("themes")]
    [InlineData("themes/{theme}")]
    [InlineData("themes/{theme}/edit")]
    [InlineData("voice/{idea}/themes")]
    public async Task ThemePages_ForAPartner_AreRefused(string path)
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);
        var theme = await app.CreateThemeAsync(partner.Organisation);
        var idea = await app.CreateContributionAsync(partner.Organisation, "Something");
        var url = $"{partner.Org}/{path.Replace("{theme}", theme.Id.ToString()).Replace("{idea}", idea.Id.ToString())}";

        using var response = await partner.Client.GetAsync(new Uri(url, UriKind.Relative));

        response.ShouldBeRefused();
    }
}
