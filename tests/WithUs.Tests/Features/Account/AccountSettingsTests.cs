using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;

namespace WithUs.Tests.Features.Account;

public sealed class AccountSettingsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string ChangePasswordPath = "/account/change-password";

    private static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetPageAsync(ChangePasswordPath);
        return await client.SubmitAsync(page, ChangePasswordPath, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
        });
    }

    [DatabaseFact]
    public async Task ChangePassword_ForStaff_RefusesFourteenCharacters()
    {
        var (_, staff) = await app.CreateMemberAsync(OrganisationRole.Staff, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(staff);

        using var response = await ChangePasswordAsync(client, staff.Password, "kettle orbit 4");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldHaveSingleItem().ShouldContain("at least 15 characters");
    }

    [DatabaseFact]
    public async Task ChangePassword_WithWrongCurrentPassword_IsRefused()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        using var response = await ChangePasswordAsync(client, "not my password", "saffron window glacier piano");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Your current password is not right"]);
    }

    [DatabaseFact]
    public async Task ChangePassword_Valid_ReplacesTheOldPassword()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        using var response = await ChangePasswordAsync(client, partner.Password, "saffron window glacier piano");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/account");
        (await client.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "still signed in here");
        (await app.CreateBrowser().PostSignInAsync(partner.Email, partner.Password)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.CreateBrowser().SignInAsync(partner with { Password = "saffron window glacier piano" })).ShouldBe("/");
    }

    [DatabaseFact]
    public async Task TwoFactorTurnOff_ForStaff_SaysWhyInsteadOfOfferingAButton_AndAPostIsForbidden()
    {
        var (_, staff) = await app.CreateMemberAsync(OrganisationRole.Staff, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(staff);
        var page = await client.GetPageAsync("/account/two-factor/turn-off");
        page.QuerySelector("main form").ShouldBeNull("a button that would be refused is not offered");
        page.QuerySelector("main")!.TextContent.ShouldContain("must stay on");

        using var response = await client.PostFormAsync("/account/two-factor/turn-off", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe("/error/403");
        }

        (await TwoFactorEnabledAsync(staff)).ShouldBeTrue();
    }

    [DatabaseFact]
    public async Task TwoFactorTurnOff_ForAPartner_TurnsItOff()
    {
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);
        var page = await client.GetPageAsync("/account/two-factor/turn-off");

        using var response = await client.SubmitAsync(page, "/account/two-factor/turn-off", new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TwoFactorEnabledAsync(partner)).ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task RecoveryCode_SignsInOnce()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        var codes = await app.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            return (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByIdAsync(user.Id.ToString()))!, 10))!.ToList();
        });

        var first = await SignInWithRecoveryCodeAsync(user, codes[0]);
        var reused = await SignInWithRecoveryCodeAsync(user, codes[0]);

        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> SignInWithRecoveryCodeAsync(TestUser user, string code)
    {
        var client = app.CreateBrowser();
        using var password = await client.PostSignInAsync(user.Email, user.Password);
        password.Location().ShouldStartWith(Accounts.TwoFactorSignInPath);
        const string path = "/account/sign-in/recovery-code?ReturnUrl=%2F";
        var page = await client.GetPageAsync(path);
        return await client.SubmitAsync(page, path, new Dictionary<string, string> { ["Input.Code"] = code });
    }

    private Task<bool> TwoFactorEnabledAsync(TestUser user) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Users
            .Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync());
}
