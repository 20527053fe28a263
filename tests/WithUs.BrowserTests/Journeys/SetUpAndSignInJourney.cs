namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Journeys 1 and 2: set up a new WithUs, then sign in again in every way there is. Run once with JavaScript and
/// once without, each against its own new WithUs.
/// </summary>
public abstract class SetUpAndSignInJourney(BrowserApp app, ITestOutputHelper output, bool javaScript)
{
    [Fact]
    public async Task Set_up_then_sign_in_with_an_authenticator_code_and_with_a_recovery_code_once()
    {
        await using var journey = await app.StartJourneyAsync(output, javaScript, javaScript ? "set-up" : "set-up-no-js");
        var fonts = new List<string>();
        journey.Page.Request += (_, request) =>
        {
            if (request.ResourceType == "font")
            {
                fonts.Add(request.Url);
            }
        };
        var account = await Steps.SetUpOrganisationAsync(journey, app, Steps.Administrator, async page =>
        {
            await journey.ScreenshotAsync(page);
            await ShowsOwnBrandAsync(journey);
        });
        fonts.ShouldBeEmpty("WithUs uses the system font: no web font is loaded");

        // Signed out, the organisation asks who you are.
        await journey.SignOutAsync();
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("You have signed out.");
        await journey.GotoAsync($"/o/{Steps.OrganisationSlug}");
        journey.Location.ShouldStartWith("/account/sign-in");

        // Password, then the code from the app.
        await Steps.SignInAsync(journey, account);

        // A recovery code instead of the app: works once.
        var recoveryCode = account.RecoveryCodes.Dequeue();
        await journey.SignOutAsync();
        await UseRecoveryCodeAsync(journey, account.Person, recoveryCode);
        journey.Location.ShouldBe($"/o/{Steps.OrganisationSlug}");
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("That code will not work again.");

        await journey.SignOutAsync();
        var reused = await UseRecoveryCodeAsync(journey, account.Person, recoveryCode);
        reused.Status.ShouldBe(400);
        journey.Location.ShouldStartWith("/account/sign-in/recovery-code");
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("That recovery code is not right, or it has been used already");

        // The app's code still works after that.
        await journey.GotoAsync("/account/sign-in/two-factor");
        await journey.FillAsync("Enter the 6-digit code from your authenticator app", await account.Authenticator.NextCodeAsync());
        await journey.SubmitAsync("Continue");
        journey.Location.ShouldBe($"/o/{Steps.OrganisationSlug}");

        // Your account shows one recovery code fewer.
        await journey.GotoAsync("/account");
        (await journey.Page.Locator("main").InnerTextAsync()).ShouldContain("On. 9 recovery codes left.");
    }

    /// <summary>WithUs's own brand on govuk-frontend: system font, its own header, never the GOV.UK crown or typeface.</summary>
    private static async Task ShowsOwnBrandAsync(Journey journey)
    {
        // govuk-frontend sets the font on its own classes only; site.scss sets it on the body for everything else.
        foreach (var selector in new[] { "body", "main h1", "header .withus-header__brand" })
        {
            var font = await journey.Page.Locator(selector).EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
            font.ShouldStartWith("system-ui", Case.Insensitive, $"{selector} is set in {font}");
            font.ShouldNotContain("Transport", Case.Insensitive);
        }

        (await journey.Page.Locator(".govuk-header, .govuk-header__logotype, svg[class*='crown'], [class*='govuk-logo']").CountAsync())
            .ShouldBe(0, "no GOV.UK header, logo or crown");
        (await journey.Page.Locator("header .withus-header__brand").InnerTextAsync()).ShouldBe("WithUs");
    }

    private static async Task<IResponse> UseRecoveryCodeAsync(Journey journey, Person person, string code)
    {
        await Steps.SignInWithPasswordAsync(journey, person);
        await journey.FollowAsync("I cannot use my app – use a recovery code");
        journey.Location.ShouldStartWith("/account/sign-in/recovery-code");
        await journey.FillAsync("Enter one of your recovery codes", code);
        return await journey.SubmitAsync("Continue");
    }
}

public sealed class SetUpAndSignInTests(BrowserApp app, ITestOutputHelper output)
    : SetUpAndSignInJourney(app, output, javaScript: true), IClassFixture<BrowserApp>;

/// <summary>Journey 4: every step of journeys 1 and 2 works as plain HTML forms and links.</summary>
public sealed class SetUpAndSignInWithoutJavaScriptTests(BrowserApp app, ITestOutputHelper output)
    : SetUpAndSignInJourney(app, output, javaScript: false), IClassFixture<BrowserApp>;
