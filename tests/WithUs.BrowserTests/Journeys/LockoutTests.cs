namespace WithUs.BrowserTests.Journeys;

/// <summary>Wrong authenticator codes count like wrong passwords: five lock the account. Its own WithUs, as it locks the administrator.</summary>
public sealed class LockoutTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string CodeLabel = "Enter the 6-digit code from your authenticator app";
    private const string LockedOut = "There have been too many attempts to sign in to this account";

    // The password step answers a locked account as it answers a wrong password, so it cannot tell who has an account.
    private const string PasswordRefused = "Enter a correct email address and password";

    [Fact]
    public async Task Five_wrong_authenticator_codes_lock_the_account_even_against_the_right_code_and_password()
    {
        await using var journey = await app.StartJourneyAsync(output, name: "lockout");
        var account = await Steps.SetUpOrganisationAsync(journey, app, Steps.Administrator);
        await journey.SignOutAsync();
        await Steps.SignInWithPasswordAsync(journey, account.Person);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await journey.FillAsync(CodeLabel, account.Authenticator.WrongCode());
            (await journey.SubmitAsync("Continue")).Status.ShouldBe(400);
            (await journey.ErrorSummary.InnerTextAsync()).ShouldContain("The code is not right", customMessage: $"attempt {attempt}");
        }

        await journey.FillAsync(CodeLabel, account.Authenticator.WrongCode());
        (await journey.SubmitAsync("Continue")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain(LockedOut);

        // Locked means locked: the right code does not get in, nor does starting again with the password.
        await journey.FillAsync(CodeLabel, await account.Authenticator.NextCodeAsync());
        (await journey.SubmitAsync("Continue")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain(LockedOut);

        await journey.GotoAsync("/account/sign-in");
        await journey.FillAsync("Email address", account.Person.Email);
        await journey.FillAsync("Password", account.Person.Password);
        (await journey.SubmitAsync("Sign in")).Status.ShouldBe(400);
        (await journey.ErrorSummary.InnerTextAsync()).ShouldContain(PasswordRefused);

        await journey.GotoAsync($"/o/{Steps.OrganisationSlug}");
        journey.Location.ShouldStartWith("/account/sign-in");
    }
}
