using WithUs.Web.Features.Account;

namespace WithUs.Tests.Features.Account;

public sealed class TwoFactorSetUpTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SetUp_WithCodeFromTheShownKey_TurnsItOnAndOpensTheOrganisation()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Staff);
        using var client = app.CreateBrowser();
        (await client.SignInAsync(user)).ShouldBe("/");
        var page = await client.GetPageAsync(Accounts.TwoFactorSetUpPath + "?required=true");
        var key = page.QuerySelector("#authenticator-key")!.TextContent;

        using var wrong = await client.SubmitAsync(page, Accounts.TwoFactorSetUpPath, new Dictionary<string, string> { ["Input.Code"] = "123 456" });
        using var right = await client.SubmitAsync(page, Accounts.TwoFactorSetUpPath, new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
        });

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var enabled = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());
        enabled.ShouldBeTrue();
        (await client.GetAsync(new Uri($"/o/{organisation.Slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.AuditEntriesAsync("TwoFactorEnabled")).ShouldContain(e => e.ActorUserId == user.Id);
    }

    [DatabaseFact]
    public async Task TotpHelper_MakesCodesIdentityAccepts()
    {
        var user = await app.CreateUserAsync(twoFactor: true);

        var accepted = await app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
            var entity = (await users.FindByIdAsync(user.Id.ToString()))!;
            return await users.VerifyTwoFactorTokenAsync(entity, users.Options.Tokens.AuthenticatorTokenProvider,
                Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow));
        });

        accepted.ShouldBeTrue();
    }
}
