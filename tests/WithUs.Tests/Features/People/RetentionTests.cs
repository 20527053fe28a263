using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Retention (issue 10): the daily job lists the people not heard from for longer than the organisation keeps people
/// (3 years unless it says otherwise), and an administrator confirms their erasure in one step; anyone heard from
/// since, or holding a role, is kept.
/// </summary>
public sealed class RetentionTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>Someone whose record and every answer about consent are this many days old.</summary>
    private async Task<Person> LastHeardFromAsync(TestOrganisation organisation, string name, int daysAgo)
    {
        var person = await app.CreatePersonAsync(organisation, name: name);
        var then = DateTime.UtcNow.AddDays(-daysAgo);
        await app.InOrganisationAsync(organisation, async db =>
        {
            await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAtUtc, then));
            await db.Consents.Where(c => c.PersonId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AtUtc, then));
        });
        return person;
    }

    private async Task RunJobAsync()
    {
        await using var job = app.Fresh(new Dictionary<string, string?> { ["Database:ConnectionString"] = app.Database.ConnectionString });
        var runner = job.Services.GetRequiredService<JobRunner>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await runner.RunIfDueAsync(RetentionJob.JobName, force: true, CancellationToken.None)).Kind == JobOutcomeKind.Succeeded)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The retention job did not run");
    }

    private Task<List<string>> MarkedAsync(TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.People.AsNoTracking().Where(p => p.PastRetentionSince != null).Select(p => p.Name).ToListAsync());

    [DatabaseFact]
    public async Task TheJob_ListsOnlyThosePastTheTime_AndAnAdministratorErasesThemInOneStep()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var org = admin.Organisation;
        var gone = await LastHeardFromAsync(org, "Long Gone", 4 * 366);
        var alsoGone = await LastHeardFromAsync(org, "Also Gone", 5 * 366);
        var mentor = await LastHeardFromAsync(org, "Still Mentoring", 4 * 366);
        var roles = await app.AddDefaultRolesAsync(org);
        await app.GiveRoleAsync(org, mentor.Id, roles[4].Id, DateTime.UtcNow.AddDays(-4 * 366));
        var spoke = await LastHeardFromAsync(org, "Spoke Lately", 4 * 366);
        await app.CreateContributionAsync(org, "The kettle is broken", c => c.PersonId = spoke.Id);
        await LastHeardFromAsync(org, "Two Years", 2 * 366);
        var said = await app.CreateContributionAsync(org, "More benches", c => c.PersonId = gone.Id);
        await app.InOrganisationAsync(org, db => db.Contributions.Where(c => c.Id == said.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAtUtc, DateTime.UtcNow.AddDays(-4 * 366))));

        await RunJobAsync();

        (await MarkedAsync(org)).ShouldBe(["Long Gone", "Also Gone"], ignoreOrder: true);
        (await admin.Client.GetPageAsync(admin.Org)).QuerySelector("#past-retention")!.TextContent.ShouldContain("People past the time we keep them: 2");
        var page = await admin.Client.GetPageAsync($"{admin.Org}/people/retention");
        page.QuerySelectorAll("input[name='Erase'][checked]").Select(i => i.GetAttribute("value")).ShouldBe([alsoGone.Id.ToString(), gone.Id.ToString()], ignoreOrder: true);

        // Heard from between the list and the confirmation: kept.
        await app.CreateContributionAsync(org, "I am back", c => c.PersonId = alsoGone.Id);
        using var response = await admin.PostPageAsync($"{admin.Org}/people/retention", new(), extra: [("Erase", gone.Id.ToString()), ("Erase", alsoGone.Id.ToString())]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var left = await app.InOrganisationAsync(org, db => db.People.AsNoTracking().Select(p => p.Name).ToListAsync());
        left.ShouldBe(["Also Gone", "Still Mentoring", "Spoke Lately", "Two Years"], ignoreOrder: true);
        (await app.InOrganisationAsync(org, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == said.Id))).PersonId.ShouldBeNull();
        (await app.AuditEntriesAsync("PersonErased")).ShouldContain(e => e.EntityId == gone.Id.ToString() && e.Details!.StartsWith("Past the 3 years", StringComparison.Ordinal));

        await RunJobAsync();
        (await MarkedAsync(org)).ShouldBeEmpty("heard from since, they are no longer listed");
    }

    [DatabaseFact]
    public async Task TheOrganisationSetsHowLongItKeepsPeople()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        await LastHeardFromAsync(admin.Organisation, "Eighteen Months", 548);

        using var bad = await admin.PostPageAsync($"{admin.Org}/settings", new() { ["Input.RetentionYears"] = "0" });
        using var good = await admin.PostPageAsync($"{admin.Org}/settings", new() { ["Input.RetentionYears"] = "1" });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadHtmlAsync()).ErrorSummary().ShouldBe(["The number of years must be a whole number from 1 to 20"]);
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await RunJobAsync();
        (await MarkedAsync(admin.Organisation)).ShouldBe(["Eighteen Months"]);
    }

    [DatabaseFact]
    public async Task OnlyAnAdministrator_ReviewsThePeoplePastTheTime()
    {
        using var staff = await app.SignedInAsync();

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/people/retention", UriKind.Relative));

        response.ShouldBeRefused();
    }
}
