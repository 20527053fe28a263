namespace WithUs.BrowserTests.Journeys;

/// <summary>Staff record what someone said and tick a theme suggested while they type, or on the check step without JavaScript.</summary>
public sealed class CaptureThemeSuggestionsTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Idea = "Hot soup at the lunch club on cold days";

    private static string Voice => $"/o/{Steps.OrganisationSlug}/voice";

    /// <summary>The organisation's themes and an earlier idea filed under Food (once for the class).</summary>
    private async Task<Guid> SeedAsync()
    {
        await Steps.AdministratorOfAsync(app, output);
        var organisation = await app.Server.FindOrganisationAsync(Steps.OrganisationSlug);
        if (await app.Server.InOrganisationAsync(organisation, db => db.Themes.SingleOrDefaultAsync(t => t.Name == "Food")) is { } existing)
        {
            return existing.Id;
        }

        var food = await app.Server.CreateThemeAsync(organisation, "Food");
        await app.Server.CreateThemeAsync(organisation, "Getting here");
        var idea = await app.Server.CreateContributionAsync(organisation, Idea);
        await app.Server.AddThemeAsync(organisation, idea.Id, food.Id);
        return food.Id;
    }

    private async Task<Journey> StaffOnTheCapturePageAsync(bool javaScript, string name)
    {
        var account = await Steps.AdministratorOfAsync(app, output);
        var journey = await app.StartJourneyAsync(output, javaScript, name);
        await Steps.SignInAsync(journey, account);
        await journey.GotoAsync(Voice + "/new");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Record what someone said");
        return journey;
    }

    private async Task<IReadOnlyList<Guid>> ThemesOfAsync(string text) =>
        await app.Server.InOrganisationAsync(await app.Server.FindOrganisationAsync(Steps.OrganisationSlug),
            db => db.ContributionThemes.Where(ct => ct.Contribution!.Text == text).Select(ct => ct.ThemeId).ToListAsync());

    [Fact]
    public async Task A_theme_suggested_while_typing_is_ticked_in_one_move_and_saved()
    {
        var food = await SeedAsync();
        await using var journey = await StaffOnTheCapturePageAsync(javaScript: true, "capture-theme-suggestion");
        var page = journey.Page;

        await journey.Field("What did they say?").PressSequentiallyAsync("Soup at the lunch club please");

        var region = page.Locator("#theme-suggestions");
        var suggestion = region.GetByRole(AriaRole.Button, new() { Name = "Food", Exact = true });
        await suggestion.WaitForAsync();
        (await region.GetAttributeAsync("aria-live")).ShouldBe("polite");
        (await region.InnerTextAsync()).ShouldContain("Themes that ideas like this were given:");
        var checkbox = page.Locator($"input[name='Input.ThemeIds'][value='{food}']");
        (await checkbox.IsCheckedAsync()).ShouldBeFalse("offered, never ticked for them");
        (await suggestion.GetAttributeAsync("aria-pressed")).ShouldBe("false");

        // A pause that suggests the same themes leaves the region as it is: a screen reader hears the offer once.
        await suggestion.EvaluateAsync("button => button.dataset.firstOffer = 'yes'");
        var settled = page.EvaluateAsync("() => new Promise(done => document.addEventListener('htmx:afterSettle', done, { once: true }))");
        await journey.Field("What did they say?").PressSequentiallyAsync(" on Fridays");
        await settled;
        (await suggestion.GetAttributeAsync("data-first-offer")).ShouldBe("yes");

        await suggestion.ClickAsync();
        (await checkbox.IsCheckedAsync()).ShouldBeTrue();
        (await suggestion.GetAttributeAsync("aria-pressed")).ShouldBe("true");
        journey.Location.ShouldBe(Voice + "/new", "ticking a theme sends nothing");
        var violations = await Axe.RunAsync(page);
        violations.Where(v => v.IsSeriousOrWorse).ShouldBeEmpty(Axe.Describe(page.Url, violations));
        await journey.ScreenshotAsync("theme suggested and ticked");

        await journey.SubmitAsync("Save");

        journey.Location.ShouldNotBe(Voice + "/new");
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Saved what someone anonymous said.");
        (await ThemesOfAsync("Soup at the lunch club please on Fridays")).ShouldBe([food]);
    }

    [Fact]
    public async Task Without_JavaScript_the_check_step_offers_the_theme_and_ticks_it_when_chosen()
    {
        var food = await SeedAsync();
        await using var journey = await StaffOnTheCapturePageAsync(javaScript: false, "capture-theme-suggestion-no-js");

        await journey.FillAsync("What did they say?", "A bowl of soup at the lunch club");
        (await journey.SubmitAsync("Save")).Status.ShouldBe(200);

        var checkbox = journey.Page.Locator($"input[name='Input.ThemeIds'][value='{food}']");
        (await journey.Page.Locator("#similar h2").InnerTextAsync()).ShouldBe("Is this the same as something already said?");
        (await checkbox.IsCheckedAsync()).ShouldBeFalse("offered, never ticked for them");

        (await journey.ClickAsync(journey.Page.Locator("#theme-suggestions").GetByRole(AriaRole.Button, new() { Name = "Food", Exact = true })))
            .Status.ShouldBe(200);

        (await checkbox.IsCheckedAsync()).ShouldBeTrue();
        (await journey.Field("What did they say?").InputValueAsync()).ShouldBe("A bowl of soup at the lunch club");
        await journey.SubmitAsync("No, save as new");
        (await ThemesOfAsync("A bowl of soup at the lunch club")).ShouldBe([food]);
    }
}
