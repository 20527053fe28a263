namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journey (issue 10): staff record a new partner with their access needs and consent, give them a role and its
/// training, and invite them; the partner joins, sees their record in plain words (their roles on a timeline), changes a
/// preference, downloads everything held about them and asks for it to be removed; the request waits on the staff home.
/// With and without JavaScript, and the partner's page at 320 pixels wide.
/// </summary>
public sealed class PeopleJourneyTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Staff_record_a_partner_who_then_reads_corrects_downloads_and_asks_to_remove_their_record(bool javaScript)
    {
        var suffix = javaScript ? "" : "-plain";
        var name = javaScript ? "Morgan Ellis" : "Morgan Plain";
        var email = $"morgan{suffix}@riverside.example";
        var org = $"/o/{Steps.OrganisationSlug}";
        var account = await Steps.AdministratorOfAsync(app, output);

        await using (var staff = await app.StartJourneyAsync(output, javaScript, "people-staff" + suffix))
        {
            await Steps.SignInAsync(staff, account);
            await staff.GotoAsync($"{org}/people");
            await staff.FollowAsync("Add a person");
            await staff.FillAsync("Name or pseudonym", name);
            await staff.Field("They agreed that we keep what they say with this name").CheckAsync();
            await staff.Page.GetByRole(AriaRole.Group, new() { Name = "How did they agree?" }).GetByLabel("In person", new() { Exact = true }).CheckAsync();
            await staff.Page.GetByRole(AriaRole.Group, new() { Name = "Did they agree to be contacted?" }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
            await staff.Field("Email").CheckAsync();
            await staff.FillAsync("Email address (if they chose email)", email);
            await staff.SubmitAsync("Add person");
            (await staff.Heading.InnerTextAsync()).ShouldBe(name);
            var record = staff.Location;

            await staff.FollowAsync("Change access needs and preferences");
            await staff.Field("Step-free access").CheckAsync();
            await staff.Field("Something else").CheckAsync();
            await staff.FillAsync("What else do they need?", "A break every hour");
            await staff.SubmitAsync("Save");
            (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("Step-free access · A break every hour");

            await staff.GotoAsync($"{org}/people/roles");
            await staff.FollowAsync("Peer mentor");
            await staff.FillAsync("What is it called?", "Safeguarding" + suffix);
            await staff.FillAsync("How many months does it last? (leave empty if it does not run out)", "36");
            await staff.SubmitAsync("Add");

            await staff.GotoAsync(record);
            await staff.FollowAsync("Add a role");
            await staff.Field("Peer mentor").CheckAsync();
            await staff.FillAsync("When did they start?", "2025-03-01");
            await staff.SubmitAsync("Add role");
            await staff.ClickAsync(staff.Page.GetByRole(AriaRole.Link, new() { Name = $"Record it (Safeguarding{suffix})" }));
            await staff.FillAsync("When did they do it?", "2025-03-10");
            await staff.SubmitAsync("Save");
            var withTraining = await staff.Page.Locator("main").InnerTextAsync();
            withTraining.ShouldContain("Peer mentor, since 1 March 2025");
            withTraining.ShouldContain("Safeguarding" + suffix);

            await staff.FollowAsync("Link or invite them");
            await staff.FillAsync("Their email address", email);
            await staff.SubmitAsync("Send the invitation");
            await staff.SignOutAsync();
        }

        await using (var partner = await app.StartJourneyAsync(output, javaScript, "people-partner" + suffix))
        {
            await partner.GotoAsync(await Steps.InvitationLinkAsync(app, email));
            await partner.FillAsync("Your name", name);
            await partner.FillAsync("Create a password", "kettle harbour meadow" + suffix);
            await partner.SubmitAsync($"Join {Steps.OrganisationName}");
            partner.Location.ShouldBe(org);

            await partner.ClickAsync(partner.Page.GetByRole(AriaRole.Navigation, new() { Name = "Organisation" })
                .GetByRole(AriaRole.Link, new() { Name = "About you", Exact = true }));
            (await partner.Heading.InnerTextAsync()).ShouldBe("About you");
            var about = await partner.Page.Locator("main").InnerTextAsync();
            about.ShouldContain(name);
            about.ShouldContain("Step-free access");
            about.ShouldContain("Peer mentor");
            about.ShouldContain("Safeguarding" + suffix);
            await partner.ScreenshotAsync("about you");

            await partner.FollowAsync("Change what helps you");
            await partner.FillAsync("When not to get in touch (optional)", "Not on Mondays");
            await partner.SubmitAsync("Save");
            (await partner.Page.Locator("main").InnerTextAsync()).ShouldContain("Not on Mondays");

            var download = await partner.Page.RunAndWaitForDownloadAsync(() =>
                partner.Link("Download all of it (a file)").ClickAsync());
            download.SuggestedFilename.ShouldStartWith($"about-me-{Steps.OrganisationSlug}-");
            var file = await File.ReadAllTextAsync((await download.PathAsync())!);
            file.ShouldContain(name);
            file.ShouldContain("Not on Mondays");

            await partner.Page.SetViewportSizeAsync(320, 800);
            await partner.GotoAsync($"{org}/about-me");
            (await partner.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
            await partner.ScreenshotAsync("about you at 320px");

            await partner.FollowAsync("Ask us to remove everything about you");
            await partner.SubmitAsync("Ask us to remove everything about me");
            (await partner.Page.Locator("#remove ~ .govuk-inset-text").InnerTextAsync()).ShouldContain("We will do it by");
        }

        await using (var staff = await app.StartJourneyAsync(output, javaScript, "people-staff-after" + suffix))
        {
            await Steps.SignInAsync(staff, account);
            await staff.GotoAsync(org);
            (await staff.Page.Locator("#data-requests").InnerTextAsync()).ShouldContain("Requests about people's data");
            await staff.ClickAsync(staff.Page.Locator("#data-requests a"));
            (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain(name);
        }
    }
}
