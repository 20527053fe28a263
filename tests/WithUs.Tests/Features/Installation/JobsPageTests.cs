using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.Installation;

/// <summary>The operator can see how the background jobs are doing; nobody else can see the page exists.</summary>
public sealed class JobsPageTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string JobsPath = "/installation/jobs";

    [DatabaseFact]
    public async Task Operator_SeesEveryJob_WithItsStatusAndLastError()
    {
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(twoFactor: true, isOperator: true);
        await app.AddMembershipAsync(organisation, user, OrganisationRole.Administrator);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);
        var name = TestData.Unique("retention");
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            db.JobStates.Add(new JobState
            {
                Name = name,
                Status = JobStatus.Retrying,
                Attempts = 2,
                LastError = "TimeoutException: The database did not answer",
                LastFailedAtUtc = new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc),
                NextRunAtUtc = new DateTime(2026, 11, 26, 9, 34, 0, DateTimeKind.Utc),
            });
            await db.SaveChangesAsync();
        });

        var page = await client.GetPageAsync(JobsPath);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Background jobs");
        page.QuerySelector("#job-voice-import").ShouldNotBeNull("every registered job is listed, even before it has run");
        page.QuerySelector("#job-email-outbox").ShouldNotBeNull();
        page.QuerySelector("#job-kept-counts")!.TextContent.ShouldContain("Turned off (Maintenance:KeptCountsEveryHours is 0)",
            Case.Sensitive, "the tests turn the check of kept counts off, and the page says so");
        var row = page.QuerySelector($"#job-{name}")!.TextContent;
        row.ShouldContain("Failed, trying again (attempt 2)");
        row.ShouldContain("TimeoutException: The database did not answer");
        row.ShouldContain("26 Nov 2026 09:34:00 UTC");
    }

    [DatabaseFact]
    public async Task JobsPage_ForAnAdministratorWhoIsNotTheOperator_IsNotFound()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);

        using var response = await client.GetAsync(new Uri(JobsPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
