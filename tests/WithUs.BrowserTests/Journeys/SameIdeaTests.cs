namespace WithUs.BrowserTests.Journeys;

/// <summary>Two people said the same thing in other words: staff are offered the pair on their home page and link them.</summary>
public sealed class SameIdeaTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Staff_link_two_ideas_offered_on_the_home_page_and_the_idea_shows_the_voices_together()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "same-idea");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        const string Kept = "Hot dinners at the lunch club would be lovely";
        var dinners = await app.Server.CreateContributionAsync(organisation, Kept);
        var soup = await app.Server.CreateContributionAsync(organisation, "Soup on cold days, please");
        await app.Server.CreateContributionAsync(organisation, "Yes, soup", c => c.LinkedToId = soup.Id);
        var offerId = await app.Server.CreateSameIdeaOfferAsync(organisation, dinners.Id, soup.Id);
        var org = $"/o/{Steps.OrganisationSlug}";

        (await staff.GotoAsync($"{org}/voice/same-idea/{offerId}")).Status.ShouldBe(200, "the offer's own page");
        await staff.GotoAsync(org);
        var offer = staff.Page.Locator($"#same-idea-{offerId}");
        (await offer.Locator(".withus-same-idea__together").InnerTextAsync()).ShouldBe("3 voices");
        await staff.ScreenshotAsync("same idea offered");
        await staff.ClickAsync(offer.Locator(".withus-same-idea__side", new() { HasText = Kept }).GetByRole(AriaRole.Button));

        staff.Location.ShouldBe($"{org}/voice/{dinners.Id}");
        (await staff.Page.Locator(".govuk-notification-banner__heading").InnerTextAsync()).ShouldBe("Linked as the same idea: it now has 3 voices.");
        (await staff.Page.GetByRole(AriaRole.Heading, new() { Name = "Voices (3)" }).CountAsync()).ShouldBe(1);
        (await staff.Page.Locator(".withus-voices li").CountAsync()).ShouldBe(2, "the other idea and its own voice");
        await staff.ScreenshotAsync("linked");

        await staff.GotoAsync(org);
        (await staff.Page.Locator($"#same-idea-{offerId}").CountAsync()).ShouldBe(0, "the offer is decided");
        (await staff.GotoAsync($"{org}/voice/{soup.Id}/separate")).Status.ShouldBe(200, "undoing the link is one step away");
    }
}
