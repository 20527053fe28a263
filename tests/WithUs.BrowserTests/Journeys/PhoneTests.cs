namespace WithUs.BrowserTests.Journeys;

/// <summary>Staff pages on a small phone (375 by 667): nothing scrolls sideways, and the page's own work comes first.</summary>
public sealed class PhoneTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task On_a_phone_wide_tables_reflow_and_the_menu_folds_so_the_capture_form_starts_near_the_top()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "phone");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var person = await app.Server.CreatePersonAsync(organisation, "Philippa Featherstonehaugh-Montgomery", mayContact: true,
            contactBy: WithUs.Web.Features.People.ContactMethod.Email, email: "philippa.featherstonehaugh-montgomery@example.org");
        await app.Server.CreateContributionAsync(organisation,
            "Could the community centre open its kitchen on Sunday afternoons so families can cook together?", c =>
            {
                c.PersonId = person.Id;
                c.Outcome = OutcomeStatus.Planned;
                c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
            });
        var org = $"/o/{Steps.OrganisationSlug}";
        await staff.Page.SetViewportSizeAsync(375, 667);

        foreach (var path in new[] { $"{org}/members", $"{org}/audit", $"{org}/voice/owed" })
        {
            await staff.GotoAsync(path);
            (await staff.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"))
                .ShouldBeLessThanOrEqualTo(375, $"{path} must not scroll sideways on a phone");
            await staff.ScreenshotAsync($"phone {path.Split('/').Last()}");
        }

        // Each reflowed cell says which column it is, from its label.
        (await staff.Page.Locator("main table td[data-label='Who']").First
            .EvaluateAsync<string>("cell => getComputedStyle(cell, '::before').content")).ShouldBe("\"Who: \"");

        await staff.GotoAsync($"{org}/voice/new");
        var menu = staff.Page.Locator(".govuk-service-navigation__toggle");
        (await menu.IsVisibleAsync()).ShouldBeTrue("the organisation's links fold behind a Menu button");
        (await staff.Page.Locator("#organisation-navigation").IsVisibleAsync()).ShouldBeFalse();
        var text = await staff.Field("What did they say?").BoundingBoxAsync();
        text.ShouldNotBeNull();
        (text.Y + text.Height).ShouldBeLessThan(667, "the capture form starts on the first screen");
        await staff.ScreenshotAsync("phone capture");

        await menu.ClickAsync();
        (await staff.Page.Locator("#organisation-navigation").IsVisibleAsync()).ShouldBeTrue();
        (await staff.Page.Locator("#organisation-navigation").InnerTextAsync()).ShouldContain("Owed a reply");
    }
}
