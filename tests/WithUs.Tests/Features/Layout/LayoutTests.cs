namespace WithUs.Tests.Features.Layout;

/// <summary>Shared/_Layout (its tests sit with the navigation, as "Shared" cannot be a namespace): the header's link to one's organisations fits how many one has.</summary>
public sealed class LayoutTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SomeoneInOneOrganisation_IsLinkedToIt_NotToAListOfOne()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);

        var account = await client.GetPageAsync("/account");
        var inside = await client.GetPageAsync($"/o/{organisation.Slug}");

        var links = account.QuerySelectorAll("header nav[aria-label='Account'] a").ToList();
        links.Select(a => a.TextContent).ShouldNotContain("Your organisations");
        links.Single(a => a.TextContent == "Your organisation").GetAttribute("href").ShouldBe($"/o/{organisation.Slug}");
        inside.QuerySelectorAll("header nav[aria-label='Account'] a").Select(a => a.TextContent)
            .ShouldNotContain(t => t.StartsWith("Your organisation", StringComparison.Ordinal), "inside it, its own navigation has Home");
    }

    [DatabaseFact]
    public async Task SomeoneInTwoOrganisations_IsLinkedToTheList()
    {
        var (first, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        await app.AddMembershipAsync(await app.CreateOrganisationAsync(), user, OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);

        var inside = await client.GetPageAsync($"/o/{first.Slug}");

        inside.QuerySelectorAll("header nav[aria-label='Account'] a").Single(a => a.TextContent == "Your organisations")
            .GetAttribute("href").ShouldBe("/");
    }
}
