namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Every other page an administrator and a partner can reach, so that each gets the same checks as the journeys'
/// pages (accessibility, no blocked or missing resources, no server error), and a look at who may see what.
/// </summary>
public sealed class PageTourTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static readonly Person Partner = new("Jo Bell", "jo@riverside.example", "copper willow sonnet");

    [Fact]
    public async Task Every_page_an_administrator_and_a_partner_can_reach_passes_the_checks()
    {
        var administrator = await Steps.AdministratorOfAsync(app, output);
        await using var admin = await app.StartJourneyAsync(output, name: "tour-admin");
        await Steps.SignInAsync(admin, administrator);
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/members");
        await Steps.InviteAsync(admin, Partner.Email, "Partner");

        await using var partner = await app.StartJourneyAsync(output, name: "tour-partner");
        await partner.GotoAsync(await Steps.InvitationLinkAsync(app, Partner.Email));
        await partner.FillAsync("Your name", Partner.Name);
        await partner.FillAsync("Create a password", Partner.Password);
        await partner.SubmitAsync($"Join {Steps.OrganisationName}");
        partner.Location.ShouldBe($"/o/{Steps.OrganisationSlug}");

        // The administrator's pages.
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/members");
        await admin.ClickAsync(admin.Link($"Change role for {Partner.Name}"));
        admin.Location.ShouldEndWith("/role");
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/members");
        await admin.ClickAsync(admin.Link($"Remove {Partner.Name}"));
        admin.Location.ShouldEndWith("/remove");
        await admin.GotoAsync($"/o/{Steps.OrganisationSlug}/audit");
        (await admin.Heading.InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        await admin.ScreenshotAsync("audit log");
        await admin.GotoAsync("/account");
        await admin.FollowAsync("Recovery codes");
        await admin.GotoAsync("/account");
        await admin.ClickAsync(admin.Link("Change password"));
        admin.Location.ShouldBe("/account/change-password");
        await admin.GotoAsync("/installation/organisations");
        await admin.GotoAsync("/installation/accounts");
        await admin.GotoAsync("/accessibility");
        await admin.GotoAsync("/privacy");
        (await admin.GotoAsync("/o/no-such-organisation")).Status.ShouldBe(404);
        (await admin.GotoAsync("/no/such/page")).Status.ShouldBe(404);

        // The partner's: their home and account, and nothing of the administrator's.
        await partner.GotoAsync("/");
        await partner.GotoAsync("/account");
        (await partner.Page.Locator("main").InnerTextAsync()).ShouldContain(Steps.OrganisationName);
        (await partner.GotoAsync($"/o/{Steps.OrganisationSlug}/members")).Status.ShouldBeOneOf(403, 404);
        (await partner.GotoAsync($"/o/{Steps.OrganisationSlug}/audit")).Status.ShouldBeOneOf(403, 404);
        (await partner.GotoAsync("/installation/organisations")).Status.ShouldBeOneOf(403, 404);

        // Signed out: the public pages.
        await using var visitor = await app.StartJourneyAsync(output, name: "tour-visitor");
        await visitor.GotoAsync("/");
        (await visitor.Heading.InnerTextAsync()).ShouldBe("WithUs");
        await visitor.GotoAsync("/account/forgot-password");
        await visitor.GotoAsync("/accessibility");
        (await visitor.GotoAsync("/invitation/not-a-real-token")).Status.ShouldBe(404);
    }
}
