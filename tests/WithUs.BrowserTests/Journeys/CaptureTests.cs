using System.Text.RegularExpressions;

namespace WithUs.BrowserTests.Journeys;

/// <summary>Staff record what someone said: similar ideas offered as they type (or on a check step), "me too", keyboard only.</summary>
public sealed partial class CaptureTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private static string Voice => $"/o/{Steps.OrganisationSlug}/voice";

    /// <summary>An earlier idea, saved through the app's own context so the similarity index has it.</summary>
    private async Task<Guid> SeedIdeaAsync(string text)
    {
        await Steps.AdministratorOfAsync(app, output);
        using var scope = app.Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == Steps.OrganisationSlug);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Administrator);
        var idea = new Contribution
        {
            Id = Guid.CreateVersion7(),
            Text = text,
            Kind = ContributionKind.Idea,
            Channel = Channel.DropIn,
            SaidOnUtc = DateTime.UtcNow.Date.AddDays(-7),
            CreatedAtUtc = DateTime.UtcNow.AddDays(-7),
            Outcome = OutcomeStatus.BeingConsidered,
        };
        db.Contributions.Add(idea);
        await db.SaveChangesAsync();
        return idea.Id;
    }

    private async Task<Journey> StaffOnTheCapturePageAsync(bool javaScript, string name)
    {
        var account = await Steps.AdministratorOfAsync(app, output);
        var journey = await app.StartJourneyAsync(output, javaScript, name);
        await Steps.SignInAsync(journey, account);
        await journey.GotoAsync(Voice);
        (await journey.Heading.InnerTextAsync()).ShouldBe("What people said");
        await journey.FollowAsync("Record what someone said");
        journey.Location.ShouldBe(Voice + "/new");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Record what someone said");
        return journey;
    }

    private static async Task ShowsItAddsAVoiceAsync(Journey journey, Guid ideaId, string ideaText)
    {
        ContributionPath().IsMatch(journey.Location).ShouldBeTrue(journey.Location);
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("as another voice for something said earlier");
        var main = journey.Page.Locator("main");
        (await main.InnerTextAsync()).ShouldContain("Adds a voice to: " + ideaText);
        (await main.Locator($"a[href='{Voice}/{ideaId}']").First.InnerTextAsync()).ShouldBe(ideaText);
        await journey.ClickAsync(main.Locator($"a[href='{Voice}/{ideaId}']").First);
        (await journey.Page.Locator("main h2", new() { HasText = "Voices (" }).InnerTextAsync()).ShouldBe("Voices (2)");
    }

    [Fact]
    public async Task Similar_ideas_appear_while_typing_and_me_too_adds_a_voice()
    {
        const string Idea = "A repair café where people fix bikes together";
        var ideaId = await SeedIdeaAsync(Idea);
        await using var journey = await StaffOnTheCapturePageAsync(javaScript: true, "capture-similar");

        // The questions about someone new appear only when they are chosen.
        (await journey.Field("Their name or a pseudonym").IsVisibleAsync()).ShouldBeFalse();
        await journey.Field("Someone new").CheckAsync();
        (await journey.Field("Their name or a pseudonym").IsVisibleAsync()).ShouldBeTrue();
        (await journey.Field("Someone new").GetAttributeAsync("aria-expanded")).ShouldBeNull();
        await journey.Field("They agreed we can contact them about what happens").CheckAsync();
        (await journey.Field("Email address").IsVisibleAsync()).ShouldBeTrue();

        // One column that fits a small phone, with every question showing.
        await journey.Page.SetViewportSizeAsync(320, 800);
        (await journey.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
        await journey.ScreenshotAsync("capture at 320px");
        await journey.Page.SetViewportSizeAsync(1280, 900);
        await journey.Field("Anonymous").CheckAsync();
        (await journey.Field("Their name or a pseudonym").IsVisibleAsync()).ShouldBeFalse();

        await journey.Field("What did they say?").PressSequentiallyAsync("Fix bikes together");

        // The ideas wait behind a summary: Tab from the text box reaches it, and Enter only opens it, so Tab then Enter
        // never adds this voice to an idea nobody has read.
        var summary = journey.Page.Locator("#similar summary");
        await summary.WaitForAsync();
        (await summary.InnerTextAsync()).ShouldContain("Already said? 1 thing like this");
        var suggestion = journey.Page.Locator("#similar .withus-similar__item").First;
        (await suggestion.IsVisibleAsync()).ShouldBeFalse();
        await journey.Field("What did they say?").FocusAsync();
        await journey.Page.Keyboard.PressAsync("Tab");
        (await journey.Page.EvaluateAsync<string>("() => document.activeElement.tagName")).ShouldBe("SUMMARY");
        await journey.Page.Keyboard.PressAsync("Enter");
        (await suggestion.IsVisibleAsync()).ShouldBeTrue();
        journey.Location.ShouldEndWith("/voice/new", Case.Insensitive, "Enter on the summary only opened it");
        (await suggestion.InnerTextAsync()).ShouldContain(Idea);
        (await suggestion.Locator("mark").AllInnerTextsAsync()).ShouldBe(["fix", "bikes", "together"]);
        (await suggestion.Locator(".govuk-tag").InnerTextAsync()).ShouldBe("Being considered");
        (await suggestion.InnerTextAsync()).ShouldContain("1 voice");
        (await journey.Page.Locator("#similar").GetAttributeAsync("aria-live")).ShouldBe("polite");
        var violations = await Axe.RunAsync(journey.Page);
        violations.Where(v => v.IsSeriousOrWorse).ShouldBeEmpty(Axe.Describe(journey.Page.Url, violations));
        await journey.ScreenshotAsync("similar suggestion");

        await journey.ClickAsync(suggestion.GetByRole(AriaRole.Button, new() { Name = "Me too: add as another voice" }));

        await ShowsItAddsAVoiceAsync(journey, ideaId, Idea);
    }

    [Fact]
    public async Task Without_JavaScript_the_check_step_asks_about_similar_ideas_before_saving()
    {
        const string Idea = "Hot meals for older people on Fridays";
        var ideaId = await SeedIdeaAsync(Idea);
        await using var journey = await StaffOnTheCapturePageAsync(javaScript: false, "capture-check-no-js");

        await journey.FillAsync("What did they say?", "A hot meal on Friday for older people");
        (await journey.SubmitAsync("Save")).Status.ShouldBe(200);

        journey.Location.ShouldBe(Voice + "/new");
        var check = journey.Page.Locator("#similar");
        (await check.Locator("h2").InnerTextAsync()).ShouldBe("Is this the same as something already said?");
        (await check.Locator("mark").AllInnerTextsAsync()).ShouldContain("Hot");
        (await journey.Field("What did they say?").InputValueAsync()).ShouldBe("A hot meal on Friday for older people");
        (await check.GetByRole(AriaRole.Button, new() { Name = "No, save as new", Exact = true }).CountAsync()).ShouldBe(1);
        await journey.ScreenshotAsync("check step");

        await journey.ClickAsync(check.GetByRole(AriaRole.Button, new() { Name = "Me too: add as another voice" }).First);

        await ShowsItAddsAVoiceAsync(journey, ideaId, Idea);
    }

    [Fact]
    public async Task Keyboard_only_capture_of_an_anonymous_contribution()
    {
        await using var journey = await StaffOnTheCapturePageAsync(javaScript: true, "capture-keyboard");
        var keyboard = journey.Page.Keyboard;

        (await ActiveElementIdAsync(journey)).ShouldBe("Input_Text", "the text box has the focus when the page opens");
        await keyboard.TypeAsync("Quiet zzxyq corner for reading");
        await keyboard.PressAsync("Tab");
        (await ActiveElementIdAsync(journey)).ShouldBe("Input_Kind");
        await keyboard.TypeAsync("Need");
        for (var presses = 0; presses < 40 && await ActiveTextAsync(journey) != "Save"; presses++)
        {
            await keyboard.PressAsync("Tab");
        }

        (await ActiveTextAsync(journey)).ShouldBe("Save", "Tab reaches the Save button");
        await journey.PressAsync("Enter");

        ContributionPath().IsMatch(journey.Location).ShouldBeTrue(journey.Location);
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Saved what someone anonymous said.");
        (await journey.Heading.InnerTextAsync()).ShouldBe("What someone said");
        var main = await journey.Page.Locator("main").InnerTextAsync();
        main.ShouldContain("Quiet zzxyq corner for reading");
        main.ShouldContain("Anonymous");
        (await journey.Page.Locator(".govuk-caption-l").InnerTextAsync()).ShouldBe("Need");

        // The list shows it first, and fits a small phone too.
        await journey.Page.SetViewportSizeAsync(320, 800);
        await journey.ClickAsync(journey.Link("Back to what people said"));
        (await journey.Page.Locator("main .withus-voice-list__item").First.InnerTextAsync()).ShouldContain("Quiet zzxyq corner for reading");
        await journey.ScreenshotAsync("list at 320px");
        (await journey.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, "no sideways scrolling at 320px");
    }

    private static Task<string> ActiveElementIdAsync(Journey journey) =>
        journey.Page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''");

    private static async Task<string> ActiveTextAsync(Journey journey) =>
        (await journey.Page.EvaluateAsync<string>("() => document.activeElement ? (document.activeElement.innerText || '') : ''")).Trim();

    [GeneratedRegex(@"^/o/riverside-voices/voice/[0-9a-f-]{36}$")]
    private static partial Regex ContributionPath();
}
