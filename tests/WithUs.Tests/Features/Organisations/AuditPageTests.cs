using WithUs.Tests.Harness;
using WithUs.Web.Features.Members;

namespace WithUs.Tests.Features.Organisations;

public abstract class AuditPageTests(WithUsFactory app)
{
    [Fact]
    public async Task AuditLog_ShowsOnlyThisOrganisationsEntries_WithAConstantNumberOfQueries()
    {
        var (own, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        var (other, _) = await app.CreateMemberAsync(OrganisationRole.Administrator);
        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);
        var url = $"/o/{own.Slug}/audit";
        (await client.GetPageAsync(url)).Dispose();

        app.Queries.Reset();
        var few = await client.GetPageAsync(url);
        var queriesForFew = app.Queries.Count;
        for (var i = 0; i < 20; i++)
        {
            await app.AddMembershipAsync(own, await app.CreateUserAsync(), OrganisationRole.Partner);
        }

        app.Queries.Reset();
        var many = await client.GetPageAsync(url);
        var queriesForMany = app.Queries.Count;

        var rows = many.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBeGreaterThan(few.QuerySelectorAll("main tbody tr").Length + 19);
        rows.Count(r => r.Contains("Created Membership", StringComparison.Ordinal))
            .ShouldBe(21, "the administrator's own membership and the 20 added here, none of the other organisation's");
        many.Body!.TextContent.ShouldNotContain(other.Name);
        queriesForMany.ShouldBe(queriesForFew);
    }

    public sealed class OnSqlite(SqliteWithUsFactory app) : AuditPageTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : AuditPageTests(app), IClassFixture<PostgresWithUsFactory>;
}
