namespace WithUs.Tests.Features.Layout;

public sealed class OrganisationNavigationTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseTheory]
    [InlineData("", "Home", "page")]
    [InlineData("/members", "Team and roles", "page")]
    [InlineData("/members/invite", "Team and roles", "true")]
    [InlineData("/audit", "Audit log", "page")]
    [InlineData("/audit?page=2", "Audit log", "page")]
    [InlineData("/voice", "What people said", "page")]
    [InlineData("/voice/new", "What people said", "true")]
    [InlineData("/voice/owed", "Owed a reply", "page")]
    [InlineData("/themes", "Themes", "page")]
    [InlineData("/projects", "Projects", "page")]
    [InlineData("/people", "People", "page")]
    [InlineData("/settings", "Settings", "page")]
    public async Task OrganisationNavigation_MarksTheCurrentItemOnly(string below, string current, string ariaCurrent)
    {
        var (organisation, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}{below}");

        var items = page.QuerySelectorAll(".govuk-service-navigation li.govuk-service-navigation__item");
        items.Select(i => i.TextContent.Trim())
            .ShouldBe(["Home", "What people said", "Owed a reply", "Themes", "Projects", "People", "Team and roles", "Audit log", "Settings"]);
        var marked = items.Where(i => i.ClassList.Contains("govuk-service-navigation__item--active")).ToList();
        marked.ShouldHaveSingleItem().TextContent.Trim().ShouldBe(current);
        page.QuerySelectorAll(".govuk-service-navigation [aria-current]").ShouldHaveSingleItem()
            .GetAttribute("aria-current").ShouldBe(ariaCurrent);
        marked[0].QuerySelector("a")!.GetAttribute("aria-current").ShouldBe(ariaCurrent);

        // On a phone the list folds behind GOV.UK's "Menu" button, so the page's own content starts near the top.
        var list = page.QuerySelector(".govuk-service-navigation__list")!;
        page.QuerySelector(".govuk-service-navigation__toggle")!.GetAttribute("aria-controls").ShouldBe(list.Id);
    }

    [DatabaseFact]
    public async Task OrganisationNavigation_ForAPartner_ShowsHomeWhatTheyHaveSaidAndAboutThem_HomeMarkedAsTheCurrentPage()
    {
        var (organisation, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}");

        var links = page.QuerySelectorAll(".govuk-service-navigation a");
        links.Select(l => l.TextContent.Trim()).ShouldBe(["Home", "What I have said", "Your projects", "About you"]);
        links[0].GetAttribute("aria-current").ShouldBe("page");
        links[1].HasAttribute("aria-current").ShouldBeFalse();
    }
}
