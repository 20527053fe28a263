using System.Net;

namespace WithUs.Tests.Harness;

public static class Accounts
{
    public const string SignInPath = "/account/sign-in";

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

    /// <summary>Signs in and checks it worked; returns where the app sent the person next.</summary>
    public static async Task<string> SignInAsync(this HttpClient client, TestUser user, string? returnUrl = null)
    {
        using var response = await client.PostSignInAsync(user.Email, user.Password, returnUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {user.Email}");
        return response.Location();
    }
}
