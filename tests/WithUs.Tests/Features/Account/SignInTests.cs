using WithUs.Web.Features.Account;

namespace WithUs.Tests.Features.Account;

public sealed class SignInTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task UnknownEmailAndWrongPassword_GetTheSameAnswer()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateBrowser();

        using var unknown = await client.PostSignInAsync("nobody-" + user.Email, user.Password);
        using var wrong = await client.PostSignInAsync(user.Email, "not the password at all");

        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrong.StatusCode.ShouldBe(unknown.StatusCode);
        var unknownErrors = (await unknown.ReadHtmlAsync()).ErrorSummary();
        unknownErrors.ShouldBe([SignInModel.Failed]);
        (await wrong.ReadHtmlAsync()).ErrorSummary().ShouldBe(unknownErrors);
    }

    [DatabaseFact]
    public async Task Partner_WithRightPassword_IsSignedInAndSentToTheirOrganisation()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();

        var next = await client.SignInAsync(user);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        next.ShouldBe("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Location().ShouldBe($"/o/{organisation.Slug}", "someone in one organisation lands in it, not on a list of one");
        (await client.GetPageAsync(home.Location())).QuerySelector("h1")!.TextContent.ShouldBe(organisation.Name);
    }

    [DatabaseFact]
    public async Task SomeoneInTwoOrganisations_ChoosesFromTheList()
    {
        var (first, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        var second = await app.CreateOrganisationAsync();
        await app.AddMembershipAsync(second, user, OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);

        var home = await client.GetPageAsync("/");

        home.QuerySelector("h1")!.TextContent.ShouldBe("Your organisations");
        home.QuerySelector($"main a[href='/o/{first.Slug}']").ShouldNotBeNull();
        home.QuerySelector($"main a[href='/o/{second.Slug}']").ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task SixthAttempt_AfterFiveWrongPasswords_IsRefusedEvenWithTheRightPassword()
    {
        var user = await app.CreateUserAsync();
        using var client = app.CreateBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostSignInAsync(user.Email, $"wrong password number {attempt}");
            wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var right = await client.PostSignInAsync(user.Email, user.Password);

        right.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await right.ReadHtmlAsync()).ErrorSummary().ShouldBe([SignInModel.Failed]);
        (await client.GetAsync(new Uri("/account", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AuditEntriesAsync("SignInLockedOut")).ShouldContain(e => e.ActorUserId == user.Id);
    }

    [DatabaseFact]
    public async Task AfterFiveFailures_ARealAccountAndAnUnknownEmail_GetTheSameAnswer()
    {
        var user = await app.CreateUserAsync();
        var unknownEmail = "nobody-" + user.Email;
        using var client = app.CreateBrowser();
        var answers = new Dictionary<string, List<(HttpStatusCode Status, string Page)>> { [user.Email] = [], [unknownEmail] = [] };

        for (var attempt = 1; attempt <= 7; attempt++)
        {
            foreach (var email in answers.Keys)
            {
                using var response = await client.PostSignInAsync(email, attempt == 7 ? user.Password : $"wrong password number {attempt}");
                var main = (await response.ReadHtmlAsync()).QuerySelector("main")!;
                answers[email].Add((response.StatusCode, string.Join(' ', main.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
            }
        }

        answers[user.Email].ShouldBe(answers[unknownEmail], "the real account is locked out from the fifth failure; its answers must not show it");
        answers[unknownEmail].ShouldAllBe(a => a.Status == HttpStatusCode.BadRequest && a.Page.Contains(SignInModel.Failed));
        (await app.AuditEntriesAsync("SignInLockedOut")).ShouldContain(e => e.ActorUserId == user.Id, "the account really was locked");
    }

    [DatabaseFact]
    public async Task SignIn_SuccessAndFailure_AreAudited()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();

        (await client.PostSignInAsync(user.Email, "a wrong password here")).Dispose();
        await client.SignInAsync(user);

        (await app.AuditEntriesAsync("SignInFailed")).ShouldContain(e => e.ActorUserId == user.Id);
        (await app.AuditEntriesAsync("SignedIn")).ShouldContain(e => e.ActorUserId == user.Id);
    }

    [DatabaseFact]
    public async Task SignIn_OfSomeoneInTwoOrganisations_IsInBothOrganisationsAuditLogs()
    {
        var (first, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        var second = await app.CreateOrganisationAsync();
        await app.AddMembershipAsync(second, user, OrganisationRole.Partner);
        using var client = app.CreateBrowser();

        await client.SignInAsync(user);

        var entries = (await app.AuditEntriesAsync("SignedIn")).Where(e => e.ActorUserId == user.Id).ToList();
        entries.Select(e => e.OrganisationId).ShouldBe([first.Id, second.Id], ignoreOrder: true);
    }

    [DatabaseFact]
    public async Task UnknownEmail_IsAuditedWithoutTheAddress()
    {
        using var client = app.CreateBrowser();

        (await client.PostSignInAsync("stranger-audit@example.org", "any password at all")).Dispose();

        var entries = await app.AuditEntriesAsync("SignInFailed");
        entries.ShouldContain(e => e.ActorUserId == null && e.Details == "Unknown email");
        entries.ShouldNotContain(e => (e.Details ?? "").Contains("stranger-audit", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task Staff_WithoutTwoFactor_IsSentToSetItUpBeforeAnythingElse()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Staff);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);

        using var response = await client.GetAsync(new Uri($"/o/{organisation.Slug}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/account/two-factor/set-up?required=true");
    }

    [DatabaseFact]
    public async Task Administrator_WithTwoFactor_SignsInWithAuthenticatorCode()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();

        using var first = await client.PostSignInAsync(user.Email, user.Password);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Location().ShouldStartWith(Accounts.TwoFactorSignInPath);
        (await client.GetAsync(new Uri($"/o/{organisation.Slug}", UriKind.Relative))).StatusCode
            .ShouldBe(HttpStatusCode.Redirect, "not signed in until the code is entered");

        var page = await client.GetPageAsync(first.Location());
        using var wrongCode = await client.SubmitAsync(page, first.Location(), new Dictionary<string, string> { ["Input.Code"] = "000000" });
        using var rightCode = await client.SubmitAsync(page, first.Location(), new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow),
        });

        wrongCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        rightCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(new Uri($"/o/{organisation.Slug}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task AuthenticatorCode_ThatSignedInOnce_IsRefusedTheSecondTime()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Staff, twoFactor: true);
        var code = Totp.Code(user.AuthenticatorKey!, DateTimeOffset.UtcNow);

        var firstStatus = await SignInWithCodeAsync(user, code);
        var replayStatus = await SignInWithCodeAsync(user, code);

        firstStatus.ShouldBe(HttpStatusCode.Redirect);
        replayStatus.ShouldBe(HttpStatusCode.BadRequest, "a code seen over someone's shoulder must not work again");
    }

    private async Task<HttpStatusCode> SignInWithCodeAsync(TestUser user, string code)
    {
        using var client = app.CreateBrowser();
        using var password = await client.PostSignInAsync(user.Email, user.Password);
        var page = await client.GetPageAsync(password.Location());
        using var answered = await client.SubmitAsync(page, password.Location(), new Dictionary<string, string> { ["Input.Code"] = code });
        return answered.StatusCode;
    }
}
