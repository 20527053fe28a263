namespace WithUs.Tests.Features.Demo;

public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task DemoPage_WhenNotADemo_IsNotFound()
    {
        using var client = app.CreateBrowser();
        var token = (await client.GetPageAsync(Accounts.SignInPath)).AntiforgeryToken();

        using var get = await client.GetAsync(new Uri("/demo", UriKind.Relative));
        using var post = await client.PostFormAsync("/demo", [new(Html.AntiforgeryField, token), new("email", "anyone@example.org")]);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task DemoPerson_SignsInWithoutPassword_AndLandsInTheirOrganisation()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using var client = demo.CreateBrowser();
        var page = await client.GetPageAsync("/demo");
        var forms = page.QuerySelectorAll("main form[method='post']");
        forms.Length.ShouldBeGreaterThan(1);
        var email = forms[0].QuerySelector("input[name='email']")!.GetAttribute("value")!;

        using var response = await client.PostFormAsync("/demo", [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("email", email)]);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect, "each demo person belongs to one organisation, and lands in it");
        home.Location().ShouldStartWith("/o/");
        (await client.GetAsync(new Uri(home.Location(), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "demo people skip two-factor set-up");
    }

    [DatabaseFact]
    public async Task DemoSignIn_ForARealAccount_IsNotFound()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        var real = await demo.CreateUserAsync();
        using var client = demo.CreateBrowser();
        var page = await client.GetPageAsync("/demo");

        using var response = await client.PostFormAsync("/demo", [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("email", real.Email)]);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
