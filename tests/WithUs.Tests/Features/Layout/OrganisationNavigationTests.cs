using WithUs.Tests.Harness;
using WithUs.Web.Features.Members;

namespace WithUs.Tests.Features.Layout;

public abstract class OrganisationNavigationTests(WithUsFactory app)
{
    [Theory]
    [InlineData("", "Home", "page")]
    [InlineData("/members", "People and roles", "page")]
    [InlineData("/members/invite", "People and roles", "true")]
    [InlineData("/audit", "Audit log", "page")]
    [InlineData("/audit?page=2", "Audit log", "page")]
    public async Task OrganisationNavigation_MarksTheCurrentItemOnly(string below, string current, string ariaCurrent)
    {
        var (organisation, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}{below}");

        var items = page.QuerySelectorAll("nav.govuk-service-navigation li.govuk-service-navigation__item");
        items.Select(i => i.TextContent.Trim()).ShouldBe(["Home", "People and roles", "Audit log"]);
        var marked = items.Where(i => i.ClassList.Contains("govuk-service-navigation__item--active")).ToList();
        marked.ShouldHaveSingleItem().TextContent.Trim().ShouldBe(current);
        page.QuerySelectorAll("nav.govuk-service-navigation [aria-current]").ShouldHaveSingleItem()
            .GetAttribute("aria-current").ShouldBe(ariaCurrent);
        marked[0].QuerySelector("a")!.GetAttribute("aria-current").ShouldBe(ariaCurrent);
    }

    [Fact]
    public async Task OrganisationNavigation_ForAPartner_ShowsHomeOnly_MarkedAsTheCurrentPage()
    {
        var (organisation, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}");

        var link = page.QuerySelectorAll("nav.govuk-service-navigation a").ShouldHaveSingleItem();
        link.TextContent.Trim().ShouldBe("Home");
        link.GetAttribute("aria-current").ShouldBe("page");
    }

    public sealed class OnSqlite(SqliteWithUsFactory app) : OrganisationNavigationTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : OrganisationNavigationTests(app), IClassFixture<PostgresWithUsFactory>;
}
