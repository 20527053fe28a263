namespace WithUs.Tests.Features.People;

/// <summary>
/// Training and checks only where a role needs them (issue 10): administrators say what a role needs and for how long,
/// staff record what someone did, and what is not done, has run out or soon will shows on the record, on its own list
/// and on the staff home page.
/// </summary>
public sealed class TrainingTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>The role page's "Add" form, whichever of its forms comes first.</summary>
    private static async Task<HttpResponseMessage> AddAsync(SignedIn who, string rolePage, string name, string months)
    {
        var page = await who.Client.GetPageAsync(rolePage);
        return await who.Client.PostFormAsync(rolePage + "?handler=Add",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Name", name), new("LastsMonths", months)]);
    }

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [DatabaseFact]
    public async Task WhatARoleNeeds_ShowsOnTheRecord_TheDueListAndTheHomePage_UntilItIsDone()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var roles = await app.AddDefaultRolesAsync(admin.Organisation);
        var mentor = roles.Single(r => r.Name == "Peer mentor");
        var person = await app.CreatePersonAsync(admin.Organisation, name: "Tara Trained");
        var former = await app.CreatePersonAsync(admin.Organisation, name: "Fred Former");
        await app.GiveRoleAsync(admin.Organisation, person.Id, mentor.Id, DateTime.UtcNow.AddYears(-4));
        await app.GiveRoleAsync(admin.Organisation, former.Id, mentor.Id, DateTime.UtcNow.AddYears(-4), DateTime.UtcNow.AddYears(-1));
        var rolePage = $"{admin.Org}/people/roles/{mentor.Id}";

        using var safeguarding = await AddAsync(admin, rolePage, "Safeguarding", "36");
        using var dbs = await AddAsync(admin, rolePage, "DBS check", "");

        safeguarding.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        dbs.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await admin.Client.GetPageAsync(admin.Org);
        home.QuerySelector("#training-due")!.TextContent.Trim().ShouldBe("Training and checks due: 2", "only those who hold the role now");
        var record = await admin.Client.GetPageAsync($"{admin.Org}/people/{person.Id}");
        record.QuerySelectorAll("#training + dl .govuk-summary-list__row").Select(r => r.TextContent).ShouldAllBe(t => t.Contains("Not done"));

        var requirements = await app.InOrganisationAsync(admin.Organisation, db => db.RoleRequirements.AsNoTracking().ToDictionaryAsync(r => r.Name));
        var nearlyRunOut = DateTime.UtcNow.Date.AddMonths(-36).AddDays(10);
        using var done = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/training/{requirements["Safeguarding"].Id}", new() { ["DoneOn"] = Day(nearlyRunOut) });
        using var checkedToday = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/training/{requirements["DBS check"].Id}", new() { ["DoneOn"] = Day(DateTime.UtcNow.Date) });

        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Location().ShouldBe($"{admin.Org}/people/{person.Id}#training");
        checkedToday.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(admin.Organisation, db => db.TrainingRecords.AsNoTracking().ToDictionaryAsync(r => r.RequirementId));
        saved[requirements["Safeguarding"].Id].ExpiresOn.ShouldBe(nearlyRunOut.AddMonths(36));
        saved[requirements["DBS check"].Id].ExpiresOn.ShouldBeNull("it does not run out");
        var due = await admin.Client.GetPageAsync($"{admin.Org}/people/training-due");
        var row = due.QuerySelectorAll("main tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain("Safeguarding");
        row.TextContent.ShouldContain("Due soon");
        (await admin.Client.GetPageAsync(admin.Org)).QuerySelector("#training-due")!.TextContent.Trim().ShouldBe("Training and checks due: 1");
    }

    [DatabaseTheory]
    [InlineData("", "12", "Enter the training or check, for example Safeguarding")]
    [InlineData("Fire safety", "0", "Enter how many months it lasts, a whole number from 1 to 120, or leave it empty")]
    [InlineData("Fire safety", "121", "Enter how many months it lasts, a whole number from 1 to 120, or leave it empty")]
    [InlineData("Fire safety", "two", "Enter how many months it lasts, a whole number from 1 to 120, or leave it empty")]
    [InlineData("first AID", "", "Event host already needs first AID")]
    public async Task ABadRequirement_IsRefusedWithAClearMessage(string name, string months, string message)
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var roles = await app.AddDefaultRolesAsync(admin.Organisation);
        var host = roles.Single(r => r.Name == "Event host");
        await app.RequireAsync(admin.Organisation, host.Id, "First aid", 36);

        using var response = await AddAsync(admin, $"{admin.Org}/people/roles/{host.Id}", name, months);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await app.InOrganisationAsync(admin.Organisation, db => db.RoleRequirements.CountAsync())).ShouldBe(1);
    }

    [DatabaseFact]
    public async Task Staff_SeeWhatARoleNeeds_ButOnlyAnAdministratorChangesIt()
    {
        using var staff = await app.SignedInAsync();
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        var host = roles.Single(r => r.Name == "Event host");
        await app.RequireAsync(staff.Organisation, host.Id, "Food hygiene", 36);
        var url = $"{staff.Org}/people/roles/{host.Id}";

        var page = await staff.Client.GetPageAsync(url);
        using var add = await staff.Client.PostFormAsync(url + "?handler=Add",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Name", "Fire safety"), new("LastsMonths", "12")]);

        page.QuerySelector("main table")!.TextContent.ShouldContain("Food hygiene");
        page.QuerySelector("main form").ShouldBeNull("staff have nothing to change here");
        add.ShouldBeRefused();
        (await app.InOrganisationAsync(staff.Organisation, db => db.RoleRequirements.CountAsync())).ShouldBe(1);
    }

    [DatabaseFact]
    public async Task TrainingDoneInTheFuture_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        var roles = await app.AddDefaultRolesAsync(staff.Organisation);
        var requirement = await app.RequireAsync(staff.Organisation, roles[4].Id, "Safeguarding", 36);
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/training/{requirement.Id}", new() { ["DoneOn"] = Day(DateTime.UtcNow.Date.AddDays(3)) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["The day they did it must be today or in the past"]);
        (await app.InOrganisationAsync(staff.Organisation, db => db.TrainingRecords.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task RemovingARequirement_RemovesItsRecords_EachInTheAuditLog()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var roles = await app.AddDefaultRolesAsync(admin.Organisation);
        var requirement = await app.RequireAsync(admin.Organisation, roles[5].Id, "Food hygiene", 36);
        var person = await app.CreatePersonAsync(admin.Organisation);
        using var done = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/training/{requirement.Id}", new() { ["DoneOn"] = Day(DateTime.UtcNow.Date) });
        var rolePage = $"{admin.Org}/people/roles/{roles[5].Id}";
        var page = await admin.Client.GetPageAsync(rolePage);

        using var removed = await admin.Client.SubmitAsync(page, rolePage, new Dictionary<string, string>());

        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(admin.Organisation, db => db.RoleRequirements.CountAsync())).ShouldBe(0);
        (await app.InOrganisationAsync(admin.Organisation, db => db.TrainingRecords.CountAsync())).ShouldBe(0);
        (await app.AuditEntriesAsync("Deleted")).ShouldContain(e => e.EntityType == "TrainingRecord" && e.ActorUserId == admin.User.Id);
    }
}
