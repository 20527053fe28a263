using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using WithUs.Web.Infrastructure.Auditing;

namespace WithUs.Tests.Features.Organisations;

public sealed partial class AuditTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
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

        var rows = Rows(many);
        rows.Count.ShouldBeGreaterThan(Rows(few).Count + 19);
        rows.Count(r => r.What == "Member added")
            .ShouldBe(21, "the administrator's own membership and the 20 added here, none of the other organisation's");
        many.Body!.TextContent.ShouldNotContain(other.Name);
        queriesForMany.ShouldBe(queriesForFew);
    }

    [DatabaseFact]
    public async Task AuditLog_PageTwo_ShowsOlderEntries()
    {
        var (organisation, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        // Three entries each: the person, and their answers about being recorded and being contacted.
        for (var i = 0; i < 34; i++)
        {
            await app.CreatePersonAsync(organisation);
        }

        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);

        var first = Rows(await client.GetPageAsync($"/o/{organisation.Slug}/audit"));
        var second = Rows(await client.GetPageAsync($"/o/{organisation.Slug}/audit?page=2"));

        first.Count.ShouldBe(100);
        second.Count.ShouldBeInRange(1, 99, "page 2 holds the few entries older than the newest 100, not page 1 again");
    }

    [DatabaseFact]
    public async Task AuditLog_NamesThePeopleEntriesAreAbout_WithoutAQueryPerPerson()
    {
        var (organisation, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);
        var url = $"/o/{organisation.Slug}/audit";
        await RecordRoleChangesAsync(organisation, administrator, 1);
        (await client.GetPageAsync(url)).Dispose();

        app.Queries.Reset();
        var one = await client.GetPageAsync(url);
        var queriesForOne = app.Queries.Count;
        await RecordRoleChangesAsync(organisation, administrator, 15);
        app.Queries.Reset();
        var sixteen = await client.GetPageAsync(url);
        var queriesForSixteen = app.Queries.Count;

        var roleChanges = Rows(sixteen).Where(r => r.What == "Role changed from partner to staff").ToList();
        roleChanges.Count.ShouldBe(16);
        roleChanges.ShouldAllBe(r => r.Who == "Test " + administrator.Email.Split('@', 2)[0]);
        roleChanges.Select(r => r.Details).Distinct().Count().ShouldBe(16);
        roleChanges.ShouldAllBe(r => r.Details.StartsWith("Test person-", StringComparison.Ordinal));
        Rows(one).Count(r => r.What.StartsWith("Role changed", StringComparison.Ordinal)).ShouldBe(1);
        queriesForSixteen.ShouldBe(queriesForOne);
    }

    [DatabaseFact]
    public async Task AuditLog_AfterARoleChange_SaysWhatHappenedInPlainWords_WithoutInternalNamesIdsOrPersonalData()
    {
        var (organisation, administrator) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        var member = await app.CreateUserAsync();
        var membershipId = await app.AddMembershipAsync(organisation, member, OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(administrator);
        var roleUrl = $"/o/{organisation.Slug}/members/{membershipId}/role";
        using var changed = await client.SubmitAsync(await client.GetPageAsync(roleUrl), roleUrl,
            new Dictionary<string, string> { ["Input.Role"] = "Staff" });
        changed.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);

        var page = await client.GetPageAsync($"/o/{organisation.Slug}/audit");

        var memberName = "Test " + member.Email.Split('@', 2)[0];
        var rows = Rows(page);
        rows.ShouldContain(("Test " + administrator.Email.Split('@', 2)[0], "Role changed from partner to staff", memberName));
        rows.ShouldContain(r => r.What == "Membership changed" && r.Details == "Changed: role");
        rows.ShouldContain(r => r.What == "Member added");
        var table = page.QuerySelector("main table")!.TextContent;
        foreach (var internalName in new[] { "ApplicationUser", "Created Membership", "Updated Membership", "RoleChanged", "Partner to Staff", "Changed: Role" })
        {
            table.ShouldNotContain(internalName, Case.Sensitive);
        }

        Guid().IsMatch(table).ShouldBeFalse("people are named, never shown by id");
        table.ShouldNotContain(member.Email);
    }

    private async Task RecordRoleChangesAsync(TestOrganisation organisation, TestUser administrator, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var member = await app.CreateUserAsync();
            await app.AddMembershipAsync(organisation, member, OrganisationRole.Partner);
            await app.InScopeAsync(services => services.GetRequiredService<AuditLog>()
                .RecordAsync("RoleChanged", administrator.Id, organisation.Id, $"{member.Id}: Partner to Staff"));
        }
    }

    private static List<(string Who, string What, string Details)> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("main tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Select(c => (c[1], c[2], c[3]))
            .ToList();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();
}
