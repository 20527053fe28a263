using Microsoft.Playwright;
using WithUs.BrowserTests.Infrastructure;
using Xunit.Abstractions;

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
        var account = await Steps.SetUpOrganisationAsync(journey, app, Steps.Administrator, page => journey.ScreenshotAsync(page));

        // Signed out, the organisation asks who you are.
        await journey.SignOutAsync();
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("You have signed out.");
        await journey.GotoAsync($"/o/{Steps.OrganisationSlug}");
        journey.Location.ShouldStartWith("/account/sign-in");

        // Password, then the code from the app.
        await Steps.SignInAsync(journey, account);
        await journey.FollowAsync(Steps.OrganisationName);
        journey.Location.ShouldBe($"/o/{Steps.OrganisationSlug}");

        // A recovery code instead of the app: works once.
        var recoveryCode = account.RecoveryCodes.Dequeue();
        await journey.SignOutAsync();
        await UseRecoveryCodeAsync(journey, account.Person, recoveryCode);
        journey.Location.ShouldBe("/");
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
        journey.Location.ShouldBe("/");

        // Your account shows one recovery code fewer.
        await journey.GotoAsync("/account");
        (await journey.Page.Locator("main").InnerTextAsync()).ShouldContain("On. 9 recovery codes left.");
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
