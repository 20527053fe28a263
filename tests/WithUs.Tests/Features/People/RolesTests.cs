using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Roles over time (issue 10): the ways people are involved (the defaults, renamed and added to by administrators),
/// each stretch of a person holding one on their record as a timeline, and the people list by the role held now.
/// </summary>
public sealed class RolesTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [DatabaseFact]
    public async Task AddingAndEndingARole_ShowsOnTheirTimeline_AndTheListByRoleHoldsOnlyThoseWhoHoldItNow()
    {
        using var staff = await app.SignedInAsync();
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        var mentor = roles.Single(r => r.Name == "Peer mentor");
        var volunteer = roles.Single(r => r.Name == "Volunteer");
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Rosa Roles");
        var other = await app.CreatePersonAsync(staff.Organisation, name: "Otto Other");
        await app.GiveRoleAsync(staff.Organisation, other.Id, mentor.Id, DateTime.UtcNow.AddYears(-2), DateTime.UtcNow.AddYears(-1));
        var today = DateTime.UtcNow.Date;

        using var volunteered = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/roles/new", new()
        {
            ["RoleId"] = volunteer.Id.ToString(),
            ["StartedOn"] = "3/2/2024",
            ["EndedOn"] = "1/3/2025",
        });
        using var mentoring = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/roles/new", new()
        {
            ["RoleId"] = mentor.Id.ToString(),
            ["StartedOn"] = "2025-03-02",
        });

        volunteered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        mentoring.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        mentoring.Location().ShouldBe($"{staff.Org}/people/{person.Id}#roles");
        var record = await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}");
        record.QuerySelectorAll("main .withus-timeline li").Select(li => li.TextContent.Split("End")[0].Trim().Replace("\n", "", StringComparison.Ordinal))
            .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ShouldBe(["Peer mentor, since 2 March 2025", "Volunteer, 3 February 2024 to 1 March 2025"]);
        var byRole = await staff.Client.GetPageAsync($"{staff.Org}/people?role={mentor.Id}");
        byRole.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ShouldBe(["Rosa Roles"]);
        var catalogue = await staff.Client.GetPageAsync($"{staff.Org}/people/roles");
        catalogue.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ShouldBe(InvolvementRoles.Defaults);

        var held = await app.InOrganisationAsync(staff.Organisation, db => db.PersonRoles.AsNoTracking().SingleAsync(r => r.PersonId == person.Id && r.EndedOn == null));
        using var ended = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/roles/{held.Id}/end", new() { ["EndedOn"] = Day(today) });

        ended.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.Client.GetPageAsync($"{staff.Org}/people?role={mentor.Id}")).QuerySelectorAll("main tbody tr").ShouldBeEmpty();
        (await app.AuditEntriesAsync("Created")).ShouldContain(e => e.EntityType == nameof(PersonRole) && e.ActorUserId == staff.User.Id);
    }

    [DatabaseTheory]
    [InlineData("", "2025-01-01", "", "Choose a role")]
    [InlineData("volunteer", "", "", "Enter the day they started")]
    [InlineData("volunteer", "31/02/2025", "", "The day they started must be a real date, like 21/11/2026")]
    [InlineData("volunteer", "2999-01-01", "", "The day they started must be today or in the past")]
    [InlineData("volunteer", "1850-01-01", "", "The day they started must be after 1900")]
    [InlineData("volunteer", "2025-05-01", "2025-04-01", "The day they stopped must be on or after the day they started")]
    [InlineData("elsewhere", "2025-05-01", "", "Choose a role")]
    [InlineData("not-an-id", "2025-05-01", "", "Choose a role")]
    public async Task ABadRoleOrDay_IsRefusedWithAClearMessage_AndNothingIsKept(string role, string started, string ended, string message)
    {
        using var staff = await app.SignedInAsync();
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        var elsewhere = await app.AddDefaultRolesAsync(await app.CreateOrganisationAsync());
        var person = await app.CreatePersonAsync(staff.Organisation);
        var roleId = role switch
        {
            "volunteer" => roles[3].Id.ToString(),
            "elsewhere" => elsewhere[3].Id.ToString(),
            "not-an-id" => "not-an-id",
            _ => "",
        };

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/roles/new", new()
        {
            ["RoleId"] = roleId,
            ["StartedOn"] = started,
            ["EndedOn"] = ended,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.PersonRoles.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task AnAdministrator_RenamesAndAddsRoles_AndANameIsUsedOnce()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var roles = await app.AddDefaultRolesAsync(admin.Organisation);
        var person = await app.CreatePersonAsync(admin.Organisation);
        await app.GiveRoleAsync(admin.Organisation, person.Id, roles[5].Id, DateTime.UtcNow.AddDays(-10));

        using var renamed = await admin.PostPageAsync($"{admin.Org}/people/roles/name/{roles[5].Id}", new() { ["Name"] = " Café host " });
        using var added = await admin.PostPageAsync($"{admin.Org}/people/roles/name", new() { ["Name"] = "Kitchen helper" });
        using var twice = await admin.PostPageAsync($"{admin.Org}/people/roles/name", new() { ["Name"] = "kitchen HELPER" });
        using var empty = await admin.PostPageAsync($"{admin.Org}/people/roles/name", new() { ["Name"] = "  " });

        renamed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await twice.ReadHtmlAsync()).ErrorSummary().ShouldBe(["There is already a role called kitchen HELPER"]);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Enter the role's name"]);
        var names = (await app.InOrganisationAsync(admin.Organisation, db => db.InvolvementRoles.AsNoTracking().OrderBy(r => r.Position).ToListAsync()))
            .Select(r => r.Name).ToList();
        names[5].ShouldBe("Café host");
        names[^1].ShouldBe("Kitchen helper");
        var record = await admin.Client.GetPageAsync($"{admin.Org}/people/{person.Id}");
        record.QuerySelector("main .withus-timeline")!.TextContent.ShouldContain("Café host", customMessage: "everyone who held it keeps it, under the new name");
    }

    /// <summary>Two administrators adding the same name at once: the unique index keeps one, and the other is told.</summary>
    [DatabaseFact]
    public async Task TheSameNameAddedAtOnce_IsKeptOnce()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        await app.AddDefaultRolesAsync(admin.Organisation);
        var url = $"{admin.Org}/people/roles/name";
        var pages = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        for (var i = 0; i < 6; i++)
        {
            pages.Add(await admin.Client.GetPageAsync(url));
        }

        var answers = await Task.WhenAll(pages.Select(p => admin.Client.SubmitAsync(p, url, new Dictionary<string, string> { ["Name"] = "Gardener" })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).ShouldBe(5);
        (await app.InOrganisationAsync(admin.Organisation, db => db.InvolvementRoles.CountAsync(r => r.Name == "Gardener"))).ShouldBe(1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }
}
