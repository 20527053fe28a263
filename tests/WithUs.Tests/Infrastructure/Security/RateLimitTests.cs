namespace WithUs.Tests.Infrastructure.Security;

public sealed class RateLimitTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SignInPosts_OverTheLimit_Answer429WithRetryAfter()
    {
        await using var limited = app.Fresh(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = limited.CreateBrowser();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var response = await client.PostSignInAsync("nobody@example.org", "wrong password for nobody");
            statuses.Add(response.StatusCode);
        }

        using var limitedResponse = await client.PostSignInAsync("nobody@example.org", "wrong password for nobody");

        statuses.ShouldAllBe(s => s == HttpStatusCode.BadRequest);
        limitedResponse.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var retryAfter = int.Parse(limitedResponse.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);
        (await limitedResponse.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Too many attempts");
    }

    [DatabaseFact]
    public async Task SignInPage_OverTheLimit_CanStillBeRead()
    {
        await using var limited = app.Fresh(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "1" });
        using var client = limited.CreateBrowser();
        (await client.PostSignInAsync("nobody@example.org", "wrong password for nobody")).Dispose();
        (await client.PostSignInAsync("nobody@example.org", "wrong password for nobody")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        using var page = await client.GetAsync(new Uri(Accounts.SignInPath, UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
