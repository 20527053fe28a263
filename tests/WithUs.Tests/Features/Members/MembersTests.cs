using System.Text.RegularExpressions;

namespace WithUs.Tests.Features.Members;

public sealed partial class MembersTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private sealed record Admin(TestOrganisation Organisation, TestUser User, HttpClient Client, string Members);

    private async Task<Admin> SignedInAdministratorAsync(Uri? address = null)
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        var client = app.CreateBrowser(address);
        await client.SignInAsync(user);
        return new Admin(organisation, user, client, $"/o/{organisation.Slug}/members");
    }

    private static async Task<HttpResponseMessage> InviteAsync(Admin admin, string email, string role)
    {
        var url = admin.Members + "/invite";
        var page = await admin.Client.GetPageAsync(url);
        return await admin.Client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Role"] = role,
        });
    }

    private Task<Membership?> MembershipAsync(TestOrganisation organisation, Guid userId) =>
        app.InOrganisationAsync(organisation, db => db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId));

    [DatabaseFact]
    public async Task Invite_QueuesAnEmailWhoseLinkLetsANewPersonJoinOnce()
    {
        var admin = await SignedInAdministratorAsync();
        var email = TestData.Unique("newcomer") + "@example.org";

        using var invited = await InviteAsync(admin, email, nameof(OrganisationRole.Partner));

        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        invited.Location().ShouldBe(admin.Members);
        var mail = (await app.EmailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Join {admin.Organisation.Name} on WithUs");
        var link = InvitationLink().Match(mail.Body);
        link.Success.ShouldBeTrue(mail.Body);
        var path = new Uri(link.Value).PathAndQuery;

        using var newcomer = app.CreateBrowser();
        var form = await newcomer.GetPageAsync(path);
        using var joined = await newcomer.SubmitAsync(form, path, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Nia Newcomer",
            ["Input.Password"] = "maple harbour quiet engine",
        });

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.Location().ShouldBe($"/o/{admin.Organisation.Slug}");
        (await newcomer.GetAsync(new Uri(joined.Location(), UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = await app.InScopeAsync(services => services.GetRequiredService<Web.Infrastructure.Data.WithUsDbContext>()
            .Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await MembershipAsync(admin.Organisation, userId))!.Role.ShouldBe(OrganisationRole.Partner);
        (await app.AuditEntriesAsync("Created")).Where(e => e.EntityId == userId.ToString())
            .ShouldHaveSingleItem().ActorUserId.ShouldBe(userId, "the newcomer created their own account");
        using var again = await app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative));
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Invite_SentWithAForgedHost_LinksToTheConfiguredAddress()
    {
        var admin = await SignedInAdministratorAsync(new Uri("https://evil.example"));
        var email = TestData.Unique("forged") + "@example.org";

        (await InviteAsync(admin, email, nameof(OrganisationRole.Partner))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var body = (await app.EmailsToAsync(email)).ShouldHaveSingleItem().Body;
        body.ShouldNotContain("evil.example");
        InvitationLink().Match(body).Value.ShouldStartWith(new Uri(WithUsFactory.SiteAddress, "/invitation/").ToString());
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Invite_ToAnAddressWithAnApostrophe_LetsThatPersonJoin()
    {
        var admin = await SignedInAdministratorAsync();
        var email = "o'brien+" + TestData.Unique("x") + "@example.org";
        (await InviteAsync(admin, email, nameof(OrganisationRole.Partner))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = new Uri(InvitationLink().Match((await app.EmailsToAsync(email)).Single().Body).Value).PathAndQuery;

        using var newcomer = app.CreateBrowser();
        var form = await newcomer.GetPageAsync(path);
        using var joined = await newcomer.SubmitAsync(form, path, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Siobhan O'Brien",
            ["Input.Password"] = "maple harbour quiet engine",
        });

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a real email address must be a valid account name");
        joined.Location().ShouldBe($"/o/{admin.Organisation.Slug}");
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Invite_WithBadEmail_Answers400AndKeepsWhatWasTyped()
    {
        var admin = await SignedInAdministratorAsync();

        using var response = await InviteAsync(admin, "not-an-email", nameof(OrganisationRole.Staff));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["Enter an email address in the right format, like name@example.org"]);
        page.FieldValue("Input.Email").ShouldBe("not-an-email");
        page.QuerySelector("input[name='Input.Role'][value='Staff']")!.HasAttribute("checked").ShouldBeTrue();
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Revoke_MakesTheInvitationLinkStopWorking()
    {
        var admin = await SignedInAdministratorAsync();
        var email = TestData.Unique("revoked") + "@example.org";
        (await InviteAsync(admin, email, nameof(OrganisationRole.Staff))).Dispose();
        var path = new Uri(InvitationLink().Match((await app.EmailsToAsync(email)).Single().Body).Value).PathAndQuery;
        var members = await admin.Client.GetPageAsync(admin.Members);
        var revokeForm = members.QuerySelector("main form[action*='handler=Revoke']")!;

        using var revoked = await admin.Client.PostFormAsync(revokeForm.GetAttribute("action")!.Replace("&amp;", "&", StringComparison.Ordinal),
            [new(Html.AntiforgeryField, members.AntiforgeryToken())]);

        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateBrowser().GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task ChangeRole_OfAPartnerToStaff_IsSavedAndAudited()
    {
        var admin = await SignedInAdministratorAsync();
        var partner = await app.CreateUserAsync();
        var membershipId = await app.AddMembershipAsync(admin.Organisation, partner, OrganisationRole.Partner);
        var url = $"{admin.Members}/{membershipId}/role";
        var page = await admin.Client.GetPageAsync(url);

        using var response = await admin.Client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Role"] = "Staff" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(admin.Organisation, partner.Id))!.Role.ShouldBe(OrganisationRole.Staff);
        (await app.AuditEntriesAsync("RoleChanged")).ShouldContain(e => e.OrganisationId == admin.Organisation.Id && e.ActorUserId == admin.User.Id);
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task ChangeRole_OfTheOnlyAdministrator_IsRefused()
    {
        var admin = await SignedInAdministratorAsync();
        var own = (await MembershipAsync(admin.Organisation, admin.User.Id))!;
        var url = $"{admin.Members}/{own.Id}/role";
        var page = await admin.Client.GetPageAsync(url);

        using var response = await admin.Client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Role"] = "Partner" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().Single().ShouldContain("at least one administrator");
        (await MembershipAsync(admin.Organisation, admin.User.Id))!.Role.ShouldBe(OrganisationRole.Administrator);
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Remove_OfAPartner_TakesThemOutOfTheOrganisation()
    {
        var admin = await SignedInAdministratorAsync();
        var partner = await app.CreateUserAsync();
        var membershipId = await app.AddMembershipAsync(admin.Organisation, partner, OrganisationRole.Partner);
        var url = $"{admin.Members}/{membershipId}/remove";
        var page = await admin.Client.GetPageAsync(url);

        using var response = await admin.Client.SubmitAsync(page, url, new Dictionary<string, string>());

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await MembershipAsync(admin.Organisation, partner.Id)).ShouldBeNull();
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task Remove_OfTheOnlyAdministrator_IsRefused()
    {
        var admin = await SignedInAdministratorAsync();
        var own = (await MembershipAsync(admin.Organisation, admin.User.Id))!;
        var token = (await admin.Client.GetPageAsync(admin.Members)).AntiforgeryToken();

        using var response = await admin.Client.PostFormAsync($"{admin.Members}/{own.Id}/remove", [new(Html.AntiforgeryField, token)]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MembershipAsync(admin.Organisation, admin.User.Id)).ShouldNotBeNull();
        admin.Client.Dispose();
    }

    [DatabaseFact]
    public async Task MembersPage_ForAPartner_IsForbidden()
    {
        var (organisation, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        using var response = await client.GetAsync(new Uri($"/o/{organisation.Slug}/members", UriKind.Relative));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe("/error/403");
        }
    }

    [GeneratedRegex(@"https?://\S+/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
