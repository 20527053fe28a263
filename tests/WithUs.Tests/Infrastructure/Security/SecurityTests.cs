namespace WithUs.Tests.Infrastructure.Security;

public sealed class SecurityTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<HttpClient> SignedInPartnerAsync()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);
        return client;
    }

    [DatabaseFact]
    public async Task Responses_CarryStrictSecurityHeaders()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri(Accounts.SignInPath, UriKind.Relative));

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("default-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [DatabaseFact]
    public async Task Https_OutsideDevelopment_SendsHstsForOneYear()
    {
        // HSTS is never sent to localhost, so this asks for the site by a real-looking name.
        using var client = app.CreateBrowser(new Uri("https://withus.example"));

        using var response = await client.GetAsync(new Uri(Accounts.SignInPath, UriKind.Relative));

        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldBe("max-age=31536000; includeSubDomains");
    }

    [DatabaseFact]
    public async Task PlainHttp_IsSentToHttps()
    {
        using var client = app.CreateBrowser(new Uri("http://withus.example"));

        using var response = await client.GetAsync(new Uri("/account/sign-in?x=1", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Location().ShouldBe("https://withus.example/account/sign-in?x=1");
    }

    [DatabaseFact]
    public async Task SignedInPages_AreNeverCached()
    {
        using var client = await SignedInPartnerAsync();

        using var response = await client.GetAsync(new Uri("/account", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [DatabaseFact]
    public async Task Cookies_AreHostPrefixedSecureHttpOnlyAndSiteWide()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        using var form = await client.GetAsync(new Uri(Accounts.SignInPath, UriKind.Relative));
        var page = await form.ReadHtmlAsync();

        using var signedIn = await client.SubmitAsync(page, Accounts.SignInPath, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        var cookies = SetCookies(form).Concat(SetCookies(signedIn)).ToList();
        cookies.Count.ShouldBeGreaterThanOrEqualTo(2, "an antiforgery cookie and a sign-in cookie");
        cookies.ShouldContain(c => c.StartsWith("__Host-withus=", StringComparison.Ordinal));
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            cookie.ShouldStartWith("__Host-", customMessage: cookie);
            attributes.ShouldContain("secure", customMessage: cookie);
            attributes.ShouldContain("httponly", customMessage: cookie);
            attributes.ShouldContain("path=/", customMessage: cookie);
            attributes.ShouldNotContain(a => a.StartsWith("domain=", StringComparison.Ordinal), customMessage: cookie);
        }
    }

    [DatabaseFact]
    public async Task Post_WithoutAntiforgeryToken_Answers400()
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.GetPageAsync(Accounts.SignInPath);

        using var response = await client.PostFormAsync(Accounts.SignInPath, new Dictionary<string, string>
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Location.ShouldBeNull();
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Sorry, that did not work", "the person is told what happened, not shown an empty page");
    }

    [DatabaseFact]
    public async Task PublicPost_TooLargeToRead_Answers400WithTheExplainedPage()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        await client.GetPageAsync($"/p/{organisation.Slug}/say");

        using var response = await client.PostFormAsync($"/p/{organisation.Slug}/say", new Dictionary<string, string>
        {
            ["Input.Text"] = new string('a', 5_000_000),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Sorry, that did not work");
        page.Body!.TextContent.ShouldContain("Nothing was saved");
        (await app.InOrganisationAsync(organisation, db => db.Contributions.CountAsync())).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task SignedInPost_WithoutAntiforgeryToken_Answers400()
    {
        using var client = await SignedInPartnerAsync();

        using var response = await client.PostFormAsync("/account/sign-out", []);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Headers.CacheControl!.NoStore.ShouldBeTrue("still signed in");
    }

    [DatabaseTheory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://localhost.evil.example/o/x")]
    public async Task SignIn_WithReturnUrlToAnotherSite_GoesHomeInstead(string returnUrl)
    {
        var (_, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();

        var next = await client.SignInAsync(user, returnUrl);

        next.ShouldBe("/");
    }

    [DatabaseFact]
    public async Task SignIn_WithLocalReturnUrl_GoesThere()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();

        var next = await client.SignInAsync(user, $"/o/{organisation.Slug}");

        next.ShouldBe($"/o/{organisation.Slug}");
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
