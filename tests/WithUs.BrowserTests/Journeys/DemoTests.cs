using System.Text.RegularExpressions;

namespace WithUs.BrowserTests.Journeys;

/// <summary>The demo: pages full of invented people and history, looked at as an administrator and as a partner.</summary>
public sealed partial class DemoTests(DemoBrowserApp app, ITestOutputHelper output) : IClassFixture<DemoBrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Look_around_the_demo_as_an_administrator_then_as_a_partner(bool javaScript)
    {
        await using var journey = await app.StartJourneyAsync(output, javaScript, javaScript ? "demo" : "demo-no-js");
        await journey.GotoAsync("/");
        (await journey.Page.Locator(".withus-demo-banner").InnerTextAsync()).ShouldContain("every organisation and person here is invented");
        await journey.FollowAsync("Look around as one of the invented demo people");
        journey.Location.ShouldBe("/demo");

        await journey.ClickAsync(journey.Page.GetByRole(AriaRole.Button, new() { NameRegex = Administrator() }).First);
        // Each demo person belongs to one organisation, and lands in it.
        journey.Location.ShouldStartWith("/o/");
        (await journey.Page.Locator("main").InnerTextAsync()).ShouldContain("You are an administrator here.");
        var organisation = journey.Location;
        if (javaScript)
        {
            await journey.ScreenshotAsync("demo organisation home");
        }

        await journey.GotoAsync(organisation + "/members");
        (await journey.Page.Locator("table").First.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(1);
        await journey.GotoAsync(organisation + "/audit");
        await journey.GotoAsync("/account");

        await journey.SignOutAsync();
        await journey.GotoAsync("/demo");
        await journey.ClickAsync(journey.Page.GetByRole(AriaRole.Button, new() { NameRegex = Partner() }).First);
        journey.Location.ShouldStartWith("/o/");
        (await journey.Page.Locator("main").InnerTextAsync()).ShouldContain("You are a partner here.");
    }

    [GeneratedRegex(@"^Be .*\(administrator\)$")]
    private static partial Regex Administrator();

    [GeneratedRegex(@"^Be .*\(partner\)$")]
    private static partial Regex Partner();
}
