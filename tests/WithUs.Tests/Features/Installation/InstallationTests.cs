namespace WithUs.Tests.Features.Installation;

public sealed class InstallationTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string OrganisationsPath = "/installation/organisations";
    private const string AccountsPath = "/installation/accounts";

    private async Task<(TestUser Operator, HttpClient Client)> SignedInOperatorAsync()
    {
        var organisation = await app.CreateOrganisationAsync();
        var user = await app.CreateUserAsync(twoFactor: true, isOperator: true);
        await app.AddMembershipAsync(organisation, user, OrganisationRole.Administrator);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);
        return (user, client);
    }

    [DatabaseTheory]
    [InlineData(OrganisationsPath, OrganisationsPath)]
    [InlineData(AccountsPath, AccountsPath + "?handler=Disable")]
    [InlineData(AccountsPath, AccountsPath + "?handler=Enable")]
    public async Task OperatorPages_ForAnAdministratorWhoIsNotTheOperator_AreNotFound(string path, string postPath)
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);
        var token = (await client.GetPageAsync($"/o/{organisation.Slug}")).AntiforgeryToken();

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var post = await client.PostFormAsync(postPath,
            [new(Html.AntiforgeryField, token), new("Input.Name", "Sneaky Org"), new("userId", user.Id.ToString())]);

        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AccountsPage_PostWithoutHandler_ForSomeoneWhoIsNotTheOperator_IsNotFound()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);
        var token = (await client.GetPageAsync($"/o/{organisation.Slug}")).AntiforgeryToken();

        using var post = await client.PostFormAsync(AccountsPath, [new(Html.AntiforgeryField, token)]);

        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AddOrganisation_MakesTheOperatorItsAdministrator()
    {
        var (user, client) = await SignedInOperatorAsync();
        var name = TestData.Unique("Hillside Carers");
        var page = await client.GetPageAsync(OrganisationsPath);

        using var response = await client.SubmitAsync(page, OrganisationsPath, new Dictionary<string, string> { ["Input.Name"] = name });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var slug = WithUs.Web.Features.Organisations.Slugs.From(name);
        response.Location().ShouldBe($"/o/{slug}/members");
        (await client.GetAsync(new Uri(response.Location(), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var memberships = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().MembershipsOfUserAsync(user.Id));
        memberships.ShouldContain(m => m.Organisation!.Slug == slug && m.Role == OrganisationRole.Administrator);
        client.Dispose();
    }

    [DatabaseFact]
    public async Task AddOrganisation_WithANameAlreadyTaken_Answers400()
    {
        var (_, client) = await SignedInOperatorAsync();
        var existing = await app.CreateOrganisationAsync();
        var page = await client.GetPageAsync(OrganisationsPath);

        using var response = await client.SubmitAsync(page, OrganisationsPath, new Dictionary<string, string>
        {
            ["Input.Name"] = existing.Name.ToUpperInvariant(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).FieldValue("Input.Name").ShouldBe(existing.Name.ToUpperInvariant());
        client.Dispose();
    }

    [DatabaseFact]
    public async Task DisabledAccount_CannotSignIn_UntilEnabledAgain()
    {
        var (_, client) = await SignedInOperatorAsync();
        var (_, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        var token = (await client.GetPageAsync(AccountsPath)).AntiforgeryToken();
        var fields = new KeyValuePair<string, string>[] { new(Html.AntiforgeryField, token), new("userId", partner.Id.ToString()) };

        using var disabled = await client.PostFormAsync(AccountsPath + "?handler=Disable", fields);
        using var refused = await app.CreateBrowser().PostSignInAsync(partner.Email, partner.Password);
        using var enabled = await client.PostFormAsync(AccountsPath + "?handler=Enable", fields);

        disabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        enabled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateBrowser().SignInAsync(partner)).ShouldBe("/");
        (await app.AuditEntriesAsync("AccountDisabled")).ShouldContain(e => e.Details == partner.Id.ToString());
        client.Dispose();
    }
}
