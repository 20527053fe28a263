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

    /// <summary>Issue 10: every staff view of a person's record is kept, and the audit page answers "who looked at
    /// this person between two dates" (the days are the organisation's own, both included).</summary>
    [DatabaseFact]
    public async Task AuditLog_AnswersWhoLookedAtAPerson_BetweenTwoDates()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var staffUser = await app.CreateUserAsync(twoFactor: true, displayName: "Vic Viewer");
        await app.AddMembershipAsync(admin.Organisation, staffUser, OrganisationRole.Staff);
        using var staffClient = app.CreateBrowser();
        await staffClient.SignInAsync(staffUser);
        var person = await app.CreatePersonAsync(admin.Organisation, name: "Watched Wanda");
        var someoneElse = await app.CreatePersonAsync(admin.Organisation, name: "Other Olu");
        (await staffClient.GetPageAsync($"{admin.Org}/people/{person.Id}")).Dispose();
        (await staffClient.GetPageAsync($"{admin.Org}/people/{someoneElse.Id}")).Dispose();
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUs.Web.Infrastructure.Data.WithUsDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                Id = System.Guid.CreateVersion7(),
                AtUtc = DateTime.UtcNow.AddDays(-40),
                OrganisationId = admin.Organisation.Id,
                ActorUserId = admin.User.Id,
                Action = "Viewed",
                EntityType = "Person",
                EntityId = person.Id.ToString(),
            });
            await db.SaveChangesAsync();
        });
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var weekAgo = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var record = await admin.Client.GetPageAsync($"{admin.Org}/people/{person.Id}");
        var link = record.QuerySelector("main a[href*='/audit?person=']")!.GetAttribute("href")!;
        var all = Rows(await admin.Client.GetPageAsync(link));
        var recent = Rows(await admin.Client.GetPageAsync($"{link}&from={weekAgo}&to={today}"));
        var bad = await admin.Client.GetPageAsync($"{link}&from={today}&to={weekAgo}");

        all.Where(r => r.Who == "Vic Viewer").ShouldHaveSingleItem("one view of Wanda by Vic; Vic's view of Olu is not about her");
        all.Count.ShouldBeGreaterThanOrEqualTo(3, "Vic's view, the administrator's view just now and the one 40 days ago");
        all.ShouldAllBe(r => r.What.Contains("Viewed", StringComparison.OrdinalIgnoreCase) || r.What.Contains("view", StringComparison.OrdinalIgnoreCase));
        recent.Count.ShouldBe(all.Count - 1, "the view 40 days ago is before the first date");
        bad.QuerySelector("#dates-error")!.TextContent.ShouldContain("The second date must be on or after the first");
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
