namespace WithUs.Tests.Features.Account;

/// <summary>Changing a password or disabling an account ends the person's other sessions within a minute.</summary>
/// <remarks>
/// Each test moves its app's clock past the one-minute check, so each has an app of its own: whether a test passes
/// must not depend on how far an earlier one moved the clock.
/// </remarks>
public sealed class SessionEndingTests
{
    private static async Task<HttpStatusCode> AccountPageStatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/account", UriKind.Relative));
        return response.StatusCode;
    }

    [DatabaseFact]
    public async Task ChangingPassword_EndsOtherSessionsWithinAMinute_AndKeepsThisOne()
    {
        await using var app = new ClockedWithUsFactory(TestDatabase.Current);
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var laptop = app.CreateBrowser();
        using var phone = app.CreateBrowser();
        await laptop.SignInAsync(partner);
        await phone.SignInAsync(partner);

        var page = await laptop.GetPageAsync("/account/change-password");
        using var changed = await laptop.SubmitAsync(page, "/account/change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = partner.Password,
            ["Input.NewPassword"] = "saffron window glacier piano",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        (await AccountPageStatusAsync(phone)).ShouldBe(HttpStatusCode.Redirect);
        (await AccountPageStatusAsync(laptop)).ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task DisablingAnAccount_EndsItsSessionsWithinAMinute_AndStopsSignIn()
    {
        await using var app = new ClockedWithUsFactory(TestDatabase.Current);
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        var operatorUser = await app.CreateUserAsync(twoFactor: true, isOperator: true);
        using var partnerClient = app.CreateBrowser();
        using var operatorClient = app.CreateBrowser();
        await partnerClient.SignInAsync(partner);
        await operatorClient.SignInAsync(operatorUser, clock: app.Clock);
        (await AccountPageStatusAsync(partnerClient)).ShouldBe(HttpStatusCode.OK);

        var page = await operatorClient.GetPageAsync("/installation/accounts");
        using var disabled = await operatorClient.SubmitAsync(page,
            $"/installation/accounts?handler=Disable&userId={partner.Id}", new Dictionary<string, string>());
        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromSeconds(61));

        (await AccountPageStatusAsync(partnerClient)).ShouldBe(HttpStatusCode.Redirect);
        using var again = await app.CreateBrowser().PostSignInAsync(partner.Email, partner.Password);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
