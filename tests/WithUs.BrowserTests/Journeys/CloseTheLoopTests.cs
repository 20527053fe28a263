namespace WithUs.BrowserTests.Journeys;

/// <summary>Close the loop: staff decide an idea is not possible, publish why, and record telling the person.</summary>
public sealed class CloseTheLoopTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private async Task<Guid> SeedContributionAsync(string personName, string text)
    {
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var person = await app.Server.CreatePersonAsync(organisation, personName, mayContact: true,
            contactBy: WithUs.Web.Features.People.ContactMethod.Phone, phone: "0114 496 0000");
        var contribution = await app.Server.CreateContributionAsync(organisation, text, c =>
        {
            c.Channel = Channel.DropIn;
            c.PersonId = person.Id;
        });
        return contribution.Id;
    }

    private async Task<Guid> SeedThemeAsync(Guid contributionId, string name)
    {
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var theme = await app.Server.CreateThemeAsync(organisation, name);
        await app.Server.AddThemeAsync(organisation, contributionId, theme.Id);
        return theme.Id;
    }

    [Fact]
    public async Task Every_theme_people_reach_back_and_settings_page_passes_axe_and_the_theme_chart_draws()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "loop-pages");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        var id = await SeedContributionAsync("Tomas Berg", "Swings in the park for older children");
        var themeId = await SeedThemeAsync(id, "Play");
        var org = $"/o/{Steps.OrganisationSlug}";
        var personId = await PersonOfAsync(id);

        await staff.GotoAsync($"{org}/themes/{themeId}");
        (await staff.Page.Locator("[data-voices-chart-for] canvas").CountAsync()).ShouldBe(1, "the chart is drawn from the table");
        await staff.ScreenshotAsync("theme with chart");
        foreach (var path in new[]
        {
            org, $"{org}/themes", $"{org}/themes/{themeId}/edit", $"{org}/themes/{themeId}/reach-back",
            $"{org}/voice/{id}/themes", $"{org}/voice/{id}/told", $"{org}/voice/{id}/interest", $"{org}/voice/{id}/reach-back",
            $"{org}/people", $"{org}/people/new", $"{org}/people/{personId}", $"{org}/people/{personId}/edit",
            $"{org}/people/{personId}/consent/photos", $"{org}/people/{personId}/consent/contact",
            $"{org}/people/{personId}/delete", $"{org}/settings",
        })
        {
            (await staff.GotoAsync(path)).Status.ShouldBe(200, path);
        }

        await staff.GotoAsync($"{org}/people/new");
        var detail = staff.Page.GetByLabel("Email address (if they chose email)", new() { Exact = true });
        (await detail.IsVisibleAsync()).ShouldBeFalse();
        await staff.Page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        (await detail.IsVisibleAsync()).ShouldBeTrue("contact details are revealed when they agreed to contact");
    }

    [Fact]
    public async Task Staff_follow_the_sentence_about_people_without_a_name_to_publish_the_outcome_and_go_home_from_the_header()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "anonymous-voices");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        var id = await SeedContributionAsync("Ines Varga", "A water fountain by the playground");
        await app.Server.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Outcome, OutcomeStatus.Planned).SetProperty(c => c.OutcomeAtUtc, DateTime.UtcNow)));
        await app.Server.CreateContributionAsync(organisation, "", c => c.LinkedToId = id);
        var org = $"/o/{Steps.OrganisationSlug}";

        await staff.GotoAsync($"{org}/voice/owed");
        (await staff.Page.Locator("#anonymous-voices").InnerTextAsync()).ShouldContain("cannot be told it individually");
        await staff.ClickAsync(staff.Page.Locator("#not-published").GetByRole(AriaRole.Link, new() { Name = "A water fountain by the playground" }));
        staff.Page.Url.ShouldEndWith($"{org}/voice/{id}/outcome");

        await staff.GotoAsync($"{org}/voice/{id}/told");
        await staff.FollowAsync("the outcome page");
        (await staff.Heading.InnerTextAsync()).ShouldBe("Record the outcome");

        // In one organisation, the header leads to it rather than to a list of one.
        await staff.GotoAsync("/account");
        (await staff.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Your organisations", Exact = true }).CountAsync()).ShouldBe(0);
        await staff.ClickAsync(staff.Page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Your organisation", Exact = true }));
        staff.Page.Url.ShouldEndWith(org);
    }

    private async Task<Guid> PersonOfAsync(Guid contributionId) =>
        await app.Server.InOrganisationAsync(await app.Server.FindOrganisationAsync(Steps.OrganisationSlug),
            db => db.Contributions.Where(c => c.Id == contributionId).Select(c => c.PersonId!.Value).SingleAsync());

    [Fact]
    public async Task Staff_record_not_possible_with_a_reason_publish_it_and_record_telling_the_person_by_phone()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "close-the-loop");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        var id = await SeedContributionAsync("Rosa Lind", "A swimming pool on the roof of the library");
        var org = $"/o/{Steps.OrganisationSlug}";

        await staff.GotoAsync($"{org}/voice/{id}/outcome");
        (await staff.Heading.InnerTextAsync()).ShouldBe("Record the outcome");
        var reason = staff.Page.GetByLabel("A boundary we cannot move", new() { Exact = true });
        (await reason.IsVisibleAsync()).ShouldBeFalse("the reason is revealed only for Not possible");

        // Saving without a reason is refused, and what was typed is kept.
        await staff.Page.GetByLabel("Not possible", new() { Exact = true }).CheckAsync();
        (await reason.IsVisibleAsync()).ShouldBeTrue();
        await staff.FillAsync("What to tell the person who said it", "Rosa, the library roof cannot take the weight of a pool.");
        (await staff.SubmitAsync("Save outcome")).Status.ShouldBe(400);
        (await staff.ErrorSummary.InnerTextAsync()).ShouldContain("Choose why it is not possible");
        (await staff.Field("What to tell the person who said it").InputValueAsync()).ShouldBe("Rosa, the library roof cannot take the weight of a pool.");

        await reason.CheckAsync();
        await staff.Page.GetByLabel("Publish on \"You said, we did\"", new() { Exact = true }).CheckAsync();
        await staff.FillAsync("You said: what people asked for", "A swimming pool on the library roof.");
        await staff.FillAsync("We did: what happened, for the public (optional)", "We asked the surveyor: the roof cannot take the weight.");
        await staff.ScreenshotAsync("outcome not possible");

        // What the public will see is shown before anything goes out, and nothing is saved until they save again.
        (await staff.SubmitAsync("Save outcome")).Status.ShouldBe(200);
        var preview = await staff.Page.Locator("#public-preview").InnerTextAsync();
        preview.ShouldContain("A swimming pool on the library roof.");
        preview.ShouldContain("We cannot do this.");
        preview.ShouldContain("We asked the surveyor: the roof cannot take the weight.");
        preview.ShouldNotContain("Rosa");
        await staff.ScreenshotAsync("what the public will see");
        await staff.SubmitAsync("Save outcome");
        staff.Location.ShouldBe($"{org}/voice/{id}");

        await staff.GotoAsync($"{org}/voice/owed");
        var owed = staff.Page.Locator("main table").First;
        (await owed.InnerTextAsync()).ShouldContain("Rosa Lind");
        (await owed.InnerTextAsync()).ShouldContain("Not possible");
        await staff.ScreenshotAsync("owed a reply");

        await staff.ClickAsync(owed.Locator("tr", new() { HasText = "Rosa Lind" })
            .GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Record that they were told" }));
        staff.Location.ShouldBe($"{org}/voice/{id}/told");
        await staff.Page.GetByLabel("Phone call", new() { Exact = true }).CheckAsync();
        await staff.FillAsync("Note (optional)", "She understood, and asked about the leisure centre instead.");
        await staff.SubmitAsync("Save");
        staff.Location.ShouldBe($"{org}/voice/{id}");

        await staff.GotoAsync($"{org}/voice/owed");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldNotContain("Rosa Lind");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("Nobody is waiting to be told an outcome.");
    }
}
