using System.Text.RegularExpressions;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// A partner account and the person we hear from are the same person (issue 10): staff link a record to a partner
/// account here, so what they recorded shows on the partner's own pages; the link is audited and can be undone; and
/// inviting someone from their record links the account when they accept.
/// </summary>
public sealed partial class AccountTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<(TestUser User, HttpClient Client)> PartnerInAsync(TestOrganisation organisation, string name)
    {
        var user = await app.CreateUserAsync(displayName: name);
        await app.AddMembershipAsync(organisation, user, OrganisationRole.Partner);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);
        return (user, client);
    }

    private Task<Person> SavedAsync(TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    [DatabaseFact]
    public async Task Linking_ShowsWhatStaffRecordedOnThePartnersOwnPage_IsAudited_AndCanBeUndone()
    {
        using var staff = await app.SignedInAsync();
        var (partner, partnerClient) = await PartnerInAsync(staff.Organisation, "Lina Linked");
        using var _ = partnerClient;
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Lina");
        await app.CreateContributionAsync(staff.Organisation, "Evening opening on Thursdays", c => c.PersonId = person.Id);
        var myVoice = $"{staff.Org}/my-voice";
        (await partnerClient.GetPageAsync(myVoice)).QuerySelector("main")!.TextContent.ShouldNotContain("Evening opening on Thursdays");

        using var linked = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/account?handler=Link", new() { ["UserId"] = partner.Id.ToString() });

        linked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SavedAsync(staff.Organisation, person.Id)).UserId.ShouldBe(partner.Id);
        (await partnerClient.GetPageAsync(myVoice)).QuerySelector("main")!.TextContent.ShouldContain("Evening opening on Thursdays");
        (await app.AuditEntriesAsync("PersonLinked")).ShouldContain(e => e.EntityId == person.Id.ToString() && e.ActorUserId == staff.User.Id
            && e.Details == "to the account of Lina Linked");

        using var undone = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/account?handler=Unlink", []);

        undone.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SavedAsync(staff.Organisation, person.Id)).UserId.ShouldBeNull();
        (await partnerClient.GetPageAsync(myVoice)).QuerySelector("main")!.TextContent.ShouldNotContain("Evening opening on Thursdays");
        (await app.AuditEntriesAsync("PersonUnlinked")).ShouldContain(e => e.EntityId == person.Id.ToString() && e.ActorUserId == staff.User.Id);
    }

    [DatabaseFact]
    public async Task AnAccountWithARecordAlready_OrFromElsewhere_CannotBeLinked()
    {
        using var staff = await app.SignedInAsync();
        var (hasRecord, c1) = await PartnerInAsync(staff.Organisation, "Rita Recorded");
        using var __ = c1;
        await app.CreatePersonAsync(staff.Organisation, name: "Rita", userId: hasRecord.Id);
        var stranger = await app.CreateMemberAsync(OrganisationRole.Partner);
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Another Rita");
        var url = $"{staff.Org}/people/{person.Id}/account";

        var page = await staff.Client.GetPageAsync(url);
        // Neither is offered, so the page has no form to link them: these are posted as a tampered form would be.
        using var taken = await staff.Client.PostFormAsync(url + "?handler=Link",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("UserId", hasRecord.Id.ToString())]);
        using var elsewhere = await staff.Client.PostFormAsync(url + "?handler=Link",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("UserId", stranger.User.Id.ToString())]);
        using var notAnId = await staff.Client.PostFormAsync(url + "?handler=Link",
            [new(Html.AntiforgeryField, page.AntiforgeryToken()), new("UserId", "not-an-id")]);

        page.QuerySelector($"input[name='UserId'][value='{hasRecord.Id}']").ShouldBeNull("an account with a record of its own is not offered");
        page.QuerySelector("main details")!.TextContent.ShouldContain("Rita Recorded");
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await taken.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose a partner account from the list that has no record here yet"]);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        notAnId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notAnId.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose which account is theirs"]);
        (await SavedAsync(staff.Organisation, person.Id)).UserId.ShouldBeNull();
    }

    /// <summary>One account, one record: the database's unique index decides when two records race for one account.</summary>
    [DatabaseFact]
    public async Task TwoRecordsLinkedToOneAccountAtOnce_OnlyOneIsLinked()
    {
        using var staff = await app.SignedInAsync();
        var (partner, client) = await PartnerInAsync(staff.Organisation, "Paula Parallel");
        using var _ = client;
        var records = new List<Person>();
        for (var i = 0; i < 6; i++)
        {
            records.Add(await app.CreatePersonAsync(staff.Organisation, name: $"Paula {i}"));
        }

        var forms = new List<(string Url, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var record in records)
        {
            var url = $"{staff.Org}/people/{record.Id}/account";
            forms.Add((url, await staff.Client.GetPageAsync(url)));
        }

        var answers = await Task.WhenAll(forms.Select(f => staff.Client.SubmitAsync(f.Page, f.Url + "?handler=Link",
            new Dictionary<string, string> { ["UserId"] = partner.Id.ToString() })));

        answers.Count(a => a.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest).ShouldBe(5);
        answers.ShouldAllBe(a => a.StatusCode != HttpStatusCode.InternalServerError);
        (await app.InOrganisationAsync(staff.Organisation, db => db.People.CountAsync(p => p.UserId == partner.Id))).ShouldBe(1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [DatabaseFact]
    public async Task InvitingFromTheRecord_LinksTheAccountWhenTheyAccept()
    {
        using var staff = await app.SignedInAsync();
        var email = TestData.Unique("invited") + "@example.org";
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Ivo Invited", mayContact: true, contactBy: ContactMethod.Email, email: email);
        await app.CreateContributionAsync(staff.Organisation, "A men's shed on Wednesdays", c => c.PersonId = person.Id);
        var url = $"{staff.Org}/people/{person.Id}/account";
        (await staff.Client.GetPageAsync(url)).QuerySelector("input[name='Email']")!.GetAttribute("value").ShouldBe(email);

        using var bad = await staff.PostPageAsync(url + "?handler=Invite", new() { ["Email"] = "not an address" });
        using var invited = await staff.PostPageAsync(url + "?handler=Invite", new() { ["Email"] = email });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.ReadHtmlAsync()).ErrorSummary().ShouldBe([PersonDetails.EmailProblem]);
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.Client.GetPageAsync(url)).QuerySelector("main .govuk-inset-text")!.TextContent.ShouldContain(email);
        var mail = (await app.EmailsToAsync(email)).ShouldHaveSingleItem();
        mail.Body.ShouldContain("Hello Ivo Invited");
        var path = new Uri(InvitationLink().Match(mail.Body).Value).PathAndQuery;
        using var newcomer = app.CreateBrowser();
        using var joined = await newcomer.SubmitAsync(await newcomer.GetPageAsync(path), path, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Ivo",
            ["Input.Password"] = "maple harbour quiet engine",
        });

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SavedAsync(staff.Organisation, person.Id);
        saved.UserId.ShouldNotBeNull();
        (await newcomer.GetPageAsync($"{staff.Org}/my-voice")).QuerySelector("main")!.TextContent.ShouldContain("A men's shed on Wednesdays");
        (await app.AuditEntriesAsync("PersonLinked")).ShouldContain(e => e.EntityId == person.Id.ToString());
    }

    [GeneratedRegex(@"https?://\S+/invitation/[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();
}
