namespace WithUs.Tests.Infrastructure;

public sealed class HealthTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Live_AnswersOk()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Ready_WithDatabase_AnswersOk()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task Ready_WhenDatabaseIsUnreachable_Answers503()
    {
        await using var fresh = app.Fresh();
        using var client = fresh.CreateBrowser();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await fresh.Database.MakeUnreachableAsync();

        try
        {
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            live.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            await fresh.Database.MakeReachableAsync();
        }
    }

    [DatabaseFact]
    public async Task PostForm_WhenDatabaseIsUnreachable_Answers503WithFriendlyPageAndSavesNothing()
    {
        await using var fresh = app.Fresh();
        using var client = fresh.CreateBrowser();
        var page = await client.GetPageAsync("/setup");
        await fresh.Database.MakeUnreachableAsync();

        HttpResponseMessage response;
        try
        {
            response = await client.SubmitAsync(page, "/setup", new Dictionary<string, string>
            {
                ["Input.SetupToken"] = fresh.SetupTokenValue,
                ["Input.OrganisationName"] = "Riverside Advice Centre",
                ["Input.DisplayName"] = "Ada Administrator",
                ["Input.Email"] = "ada@example.org",
                ["Input.Password"] = "a long enough password for the first administrator",
            });
        }
        finally
        {
            await fresh.Database.MakeReachableAsync();
        }

        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var html = await response.ReadHtmlAsync();
            html.QuerySelector("h1")!.TextContent.ShouldBe("Sorry, WithUs is unavailable right now");
            html.Body!.TextContent.ShouldContain("Nothing you sent has been saved");
        }

        var saved = await fresh.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Web.Infrastructure.Data.WithUsDbContext>();
            return (Organisations: await db.Organisations.CountAsync(), Users: await db.Users.CountAsync());
        });
        saved.ShouldBe((0, 0));
    }
}
