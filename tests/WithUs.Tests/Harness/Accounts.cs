namespace WithUs.Tests.Harness;

public static class Accounts
{
    public const string SignInPath = "/account/sign-in";
    public const string TwoFactorSignInPath = "/account/sign-in/two-factor";
    public const string TwoFactorSetUpPath = "/account/two-factor/set-up";

    /// <summary>Posts the sign-in form as a person would, with its antiforgery token. Returns the app's answer.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password,
        string? returnUrl = null)
    {
        var url = returnUrl is null ? SignInPath : $"{SignInPath}?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetPageAsync(url);
        return await client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>
    /// Signs in and checks it worked, answering the authenticator step with a fresh code when the person has one.
    /// Returns where the app sent the person next. Pass the app's <paramref name="clock"/> when a test moves it: the
    /// code must be one for the time the app thinks it is.
    /// </summary>
    public static async Task<string> SignInAsync(this HttpClient client, TestUser user, string? returnUrl = null,
        TimeProvider? clock = null)
    {
        using var response = await client.PostSignInAsync(user.Email, user.Password, returnUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {user.Email}");
        var next = response.Location();
        if (user.AuthenticatorKey is null || !next.StartsWith(TwoFactorSignInPath, StringComparison.Ordinal))
        {
            return next;
        }

        var page = await client.GetPageAsync(next);
        using var answered = await client.SubmitAsync(page, next, new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(user.AuthenticatorKey, (clock ?? TimeProvider.System).GetUtcNow()),
        });
        answered.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"entering the authenticator code for {user.Email}");
        return answered.Location();
    }
}
