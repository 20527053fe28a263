using System.Text.RegularExpressions;

namespace WithUs.BrowserTests.Journeys;

/// <summary>Forgotten password: ask for a link, open it from the email, choose a new password, sign in with it.</summary>
public sealed partial class PasswordResetTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_emailed_link()
    {
        var account = await Steps.AdministratorOfAsync(app, output);
        await using var journey = await app.StartJourneyAsync(output, name: "password-reset");

        await journey.GotoAsync("/account/sign-in");
        await journey.FollowAsync("I have forgotten my password");
        journey.Location.ShouldBe("/account/forgot-password");
        await journey.FillAsync("Email address", account.Person.Email);
        await journey.SubmitAsync("Send me a link");
        (await journey.Heading.InnerTextAsync()).ShouldBe("Check your email");

        // The email is prepared after the answer, so the timing tells nothing: wait for it.
        var link = await ResetLinkAsync(account.Person.Email);
        await journey.GotoAsync(link);
        (await journey.Heading.InnerTextAsync()).ShouldBe("Create a new password");

        await journey.FillAsync("New password", "too short");
        (await journey.SubmitAsync("Save new password")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("Password must be at least 15 characters");

        var newPassword = "quarry saffron beacon tundra";
        await journey.FillAsync("New password", newPassword);
        await journey.SubmitAsync("Save new password");
        journey.Location.ShouldStartWith("/account/sign-in");
        (await journey.Page.Locator(".govuk-notification-banner").InnerTextAsync()).ShouldContain("Your password has been changed.");

        // The old password no longer works; the new one, with the app's code, does.
        await journey.FillAsync("Email address", account.Person.Email);
        await journey.FillAsync("Password", account.Person.Password);
        (await journey.SubmitAsync("Sign in")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("Enter a correct email address and password");

        await Steps.SignInAsync(journey, new Account(account.Person with { Password = newPassword }, account.Authenticator, []));

        // A reset link works once.
        await journey.SignOutAsync();
        await journey.GotoAsync(link);
        await journey.FillAsync("New password", "another long enough password");
        (await journey.SubmitAsync("Save new password")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("This link has expired or has been used. Ask for a new one");
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        var reset = await Eventually.FoundAsync(
            async () => (await app.EmailsToAsync(email)).LastOrDefault(e => e.Subject == "Reset your WithUs password"),
            $"a password reset email for {email}");
        var match = LinkPattern().Match(reset.Body);
        match.Success.ShouldBeTrue($"no reset link in:\n{reset.Body}");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
