namespace WithUs.Tests.Features.Members;

/// <summary>A page's database work must not grow with the rows it shows (no query per row).</summary>
public sealed class MembersQueryCountTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<int> QueriesToShowMembersAsync(int members)
    {
        var administrator = await app.CreateUserAsync(twoFactor: true);
        var organisation = await app.CreateOrganisationAsync();
        await app.AddMembershipAsync(organisation, administrator, OrganisationRole.Administrator);
        for (var i = 1; i < members; i++)
        {
            await app.AddMembershipAsync(organisation, await app.CreateUserAsync(), OrganisationRole.Partner);
        }

        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);
        var url = $"/o/{organisation.Slug}/members";
        (await client.GetPageAsync(url)).Dispose();

        app.Queries.Reset();
        var page = await client.GetPageAsync(url);
        var queries = app.Queries.Count;

        page.QuerySelectorAll("main tbody tr").Length.ShouldBeGreaterThanOrEqualTo(members);
        return queries;
    }

    [DatabaseFact]
    public async Task MembersPage_QueryCount_DoesNotGrowWithMembers()
    {
        var withThree = await QueriesToShowMembersAsync(3);
        var withThirty = await QueriesToShowMembersAsync(30);

        withThree.ShouldBeGreaterThan(0);
        withThirty.ShouldBe(withThree);
    }

    [DatabaseFact]
    public async Task QueryCounter_CountsEveryCommand()
    {
        await app.CreateOrganisationAsync();
        app.Queries.Reset();

        await app.CreateOrganisationAsync();

        app.Queries.Count.ShouldBe(1, "one INSERT");
    }
}
