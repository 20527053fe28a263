using System.Net;
using System.Text.RegularExpressions;
using WithUs.Tests.Harness;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Features.Account;

public abstract partial class PasswordResetTests(WithUsFactory app)
{
    private const string ForgotPath = "/account/forgot-password";

    private static async Task<HttpResponseMessage> AskForLinkAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync(ForgotPath);
        return await client.SubmitAsync(page, ForgotPath, new Dictionary<string, string> { ["Input.Email"] = email });
    }

    /// <summary>The link is prepared in the background after the answer, so wait for it to reach the outbox.</summary>
    private async Task<OutboxEmail?> WaitForEmailAsync(string to)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if ((await app.EmailsToAsync(to)).SingleOrDefault() is { } email)
            {
                return email;
            }

            await Task.Delay(100);
        }

        return null;
    }

    [Fact]
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

    [Fact]
    public async Task UnknownEmail_GetsTheSameAnswerAndNoEmail()
    {
        using var client = app.CreateBrowser();
        var unknown = TestData.Unique("nobody") + "@example.org";

        using var response = await AskForLinkAsync(client, unknown);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ReadHtmlAsync()).QuerySelector("h1")!.TextContent.ShouldBe("Check your email");
        await Task.Delay(500);
        (await app.EmailsToAsync(unknown)).ShouldBeEmpty();
    }

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex ResetLink();

    public sealed class OnSqlite(SqliteWithUsFactory app) : PasswordResetTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : PasswordResetTests(app), IClassFixture<PostgresWithUsFactory>;
}
