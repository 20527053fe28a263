namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// The checks every journey relies on must be able to fail: a page with known accessibility faults, served at the
/// app's own address, fails the journey with the rule ids and the elements, with and without JavaScript.
/// </summary>
public sealed class PageCheckTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string BrokenPage =
        """
        <!DOCTYPE html>
        <html lang="en-GB"><head><title>Broken</title><link rel="stylesheet" href="/css/site.css"></head>
        <body><main><h1>Broken</h1><img src="/favicon.svg" id="no-alt"><input type="text" id="no-label"></main></body></html>
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_page_with_serious_accessibility_faults_fails_the_journey(bool javaScript)
    {
        await using var journey = await app.StartJourneyAsync(output, javaScript, javaScript ? "check" : "check-no-js");
        await journey.Context.RouteAsync("**/broken-on-purpose", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = BrokenPage,
        }));

        var failure = await Should.ThrowAsync<Exception>(() => journey.GotoAsync("/broken-on-purpose"));

        output.WriteLine(failure.ToString());
        failure.Message.ShouldContain("image-alt (critical)");
        failure.Message.ShouldContain("#no-alt");
        failure.Message.ShouldContain("label (critical)");
        failure.Message.ShouldContain("#no-label");
    }

    [Fact]
    public async Task A_missing_style_sheet_fails_the_journey()
    {
        await using var journey = await app.StartJourneyAsync(output, name: "check-missing-css");
        await journey.Context.RouteAsync("**/css/site.css*", route => route.FulfillAsync(new() { Status = 404 }));

        var failure = await Should.ThrowAsync<Exception>(() => journey.GotoAsync("/setup"));

        failure.Message.ShouldContain("404 for stylesheet");
    }
}
