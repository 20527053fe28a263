using AngleSharp.Html.Dom;

namespace WithUs.Tests.Features.Setup;

/// <summary>The class's app is never set up; the one test that completes set-up does it on an app of its own.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string LongPassword = "river otter lantern copper meadow violin thunder pebble orbit 64";

    private static Dictionary<string, string> Answers(string token, string password = LongPassword) => new()
    {
        ["Input.SetupToken"] = token,
        ["Input.OrganisationName"] = "Riverside Advice Centre",
        ["Input.DisplayName"] = "Ada Administrator",
        ["Input.Email"] = "ada@riverside.example",
        ["Input.Password"] = password,
    };

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostSetupAsync(HttpClient client,
        Dictionary<string, string> answers)
    {
        var form = await client.GetPageAsync("/setup");
        var response = await client.SubmitAsync(form, "/setup", answers);
        return (response, await response.ReadHtmlAsync());
    }

    [DatabaseFact]
    public async Task FirstVisit_GoesToSetup()
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/setup");
    }

    [DatabaseFact]
    public async Task Post_WithWrongToken_Answers400KeepsWhatWasTypedButNotThePassword()
    {
        using var client = app.CreateBrowser();

        var (response, page) = await PostSetupAsync(client, Answers("0000-1111-2222-3333-4444-5555"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ErrorSummary().ShouldBe(["The set-up token is not right. Copy it from the window where WithUs started"]);
        page.FieldValue("Input.OrganisationName").ShouldBe("Riverside Advice Centre");
        page.FieldValue("Input.DisplayName").ShouldBe("Ada Administrator");
        page.FieldValue("Input.Email").ShouldBe("ada@riverside.example");
        page.FieldValue("Input.Password").ShouldBeNull();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(LongPassword);
        await ShouldBeEmptyAsync(app);
    }

    [DatabaseFact]
    public async Task Post_WithNothingFilledIn_ListsEveryMissingAnswerInTheOrderOfTheFields()
    {
        using var client = app.CreateBrowser();

        var (response, page) = await PostSetupAsync(client, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ErrorSummary().ShouldBe([
            "Enter the set-up token",
            "Enter the organisation's name",
            "Enter your name",
            "Enter your email address",
            "Create a password",
        ]);
        var linkedFields = page.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href") ?? "").ToList();
        var fieldsInErrorOnThePage = page.MainForm().QuerySelectorAll(".govuk-input--error").Select(i => "#" + i.Id).ToList();
        linkedFields.ShouldBe(fieldsInErrorOnThePage);
    }

    [DatabaseFact]
    public async Task Post_WithFourteenCharacterPassword_IsRefusedForAnAdministrator()
    {
        using var client = app.CreateBrowser();

        var (response, page) = await PostSetupAsync(client, Answers(app.SetupTokenValue, "kettle orbit 4"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ErrorSummary().ShouldHaveSingleItem().ShouldContain("at least 15 characters");
        await ShouldBeEmptyAsync(app);
    }

    [DatabaseFact]
    public async Task Post_WithCommonPassword_IsRefused()
    {
        using var client = app.CreateBrowser();

        var (response, page) = await PostSetupAsync(client, Answers(app.SetupTokenValue, "1qaz2wsx3edc4rfv"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        page.ErrorSummary().ShouldHaveSingleItem().ShouldContain("too easy to guess");
        await ShouldBeEmptyAsync(app);
    }

    [DatabaseFact]
    public async Task Post_Valid_CreatesOrganisationAndAdministrator_SignsIn_AndAsksForTwoFactor()
    {
        await using var fresh = app.Fresh();
        using var client = fresh.CreateBrowser();

        var (response, _) = await PostSetupAsync(client, Answers(fresh.SetupTokenValue.ToUpperInvariant()));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe("/account/two-factor/set-up?required=true");
        var saved = await fresh.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var organisation = await db.Organisations.SingleAsync();
            var user = await db.Users.SingleAsync();
            var memberships = await db.MembershipsOfUserAsync(user.Id);
            return (organisation, user, memberships);
        });
        saved.organisation.Name.ShouldBe("Riverside Advice Centre");
        saved.organisation.Slug.ShouldBe("riverside-advice-centre");
        saved.user.Email.ShouldBe("ada@riverside.example");
        saved.user.IsOperator.ShouldBeTrue();
        saved.user.TwoFactorEnabled.ShouldBeFalse();
        saved.memberships.ShouldHaveSingleItem().Role.ShouldBe(OrganisationRole.Administrator);
        saved.memberships[0].OrganisationId.ShouldBe(saved.organisation.Id);

        using var home = await client.GetAsync(new Uri("/o/riverside-advice-centre", UriKind.Relative));
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed in, but two-factor set-up comes first");
        home.Location().ShouldStartWith("/account/two-factor/set-up");

        using var anonymous = fresh.CreateBrowser();
        using var again = await anonymous.GetAsync(new Uri("/setup", UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var postAgain = await anonymous.PostFormAsync("/setup", Answers(fresh.SetupTokenValue));
        postAgain.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        (await fresh.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations.CountAsync()))
            .ShouldBe(1);
    }

    private static async Task ShouldBeEmptyAsync(WithUsFactory app) =>
        (await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            return await db.Organisations.CountAsync() + await db.Users.CountAsync();
        })).ShouldBe(0);
}
