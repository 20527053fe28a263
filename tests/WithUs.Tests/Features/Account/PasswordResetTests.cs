using System.Text.RegularExpressions;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Features.Account;

public sealed partial class PasswordResetTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string ForgotPath = "/account/forgot-password";

    private static async Task<HttpResponseMessage> AskForLinkAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync(ForgotPath);
        return await client.SubmitAsync(page, ForgotPath, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    /// <summary>The link is prepared in the background after the answer, so wait for it to reach the outbox.</summary>
    private Task<OutboxEmail> WaitForEmailAsync(string to) =>
        Eventually.FoundAsync(async () => (await app.EmailsToAsync(to)).SingleOrDefault(), $"the reset email to {to}");

    [DatabaseFact]
    public async Task Link_FromTheEmail_SetsANewPassword()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateBrowser();

        using var asked = await AskForLinkAsync(client, user.Email);
        var email = await WaitForEmailAsync(user.Email);

        asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asked.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Check your email");
        email.ShouldNotBeNull();
        var link = new Uri(ResetLink().Match(email.Body).Value.Replace("&amp;", "&", StringComparison.Ordinal));
        var form = await client.GetPageAsync(link.PathAndQuery);
        using var tooShort = await client.SubmitAsync(form, link.PathAndQuery, new Dictionary<string, string> { ["Input.Password"] = "short" });
        using var reset = await client.SubmitAsync(form, link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "walnut compass ferry glow",
        });

        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reset.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reset.Location().ShouldBe(Accounts.SignInPath);
        (await client.PostSignInAsync(user.Email, user.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.SignInAsync(user with { Password = "walnut compass ferry glow" })).ShouldBe("/");
        using var reused = await app.CreateBrowser().SubmitAsync(form, link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.Password"] = "another long password here",
        });
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a link works once");
    }

    [DatabaseFact]
    public async Task UnknownEmail_GetsTheSameAnswerAndNoEmail()
    {
        using var client = app.CreateBrowser();
        var unknown = TestData.Unique("nobody") + "@example.org";

        using var response = await AskForLinkAsync(client, unknown);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Check your email");
        // Requests are prepared one after another: once a later one's email is out, the unknown one has been handled.
        var known = await app.CreateUserAsync();
        (await AskForLinkAsync(client, known.Email)).Dispose();
        await WaitForEmailAsync(known.Email);
        (await app.EmailsToAsync(unknown)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Link_AskedForWithAForgedHost_PointsAtTheConfiguredAddress()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateBrowser(new Uri("https://evil.example"));

        (await AskForLinkAsync(client, user.Email)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var email = await WaitForEmailAsync(user.Email);

        email.Body.ShouldNotContain("evil.example");
        ResetLink().Match(email.Body).Value.ShouldStartWith(new Uri(WithUsFactory.SiteAddress, "/account/reset-password?").ToString());
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
