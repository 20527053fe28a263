using AngleSharp.Html.Dom;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Consent that is explicit, specific and easy to change (issue 10): each answer is kept with when, how and who wrote
/// it down; the newest stands; withdrawing contact takes someone off every list of people to contact at once.
/// </summary>
public sealed class ConsentTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static string Url(SignedIn staff, Person person, string kind) => $"{staff.Org}/people/{person.Id}/consent/{kind}";

    [DatabaseFact]
    public async Task WithdrawingContact_TakesThemOffTheReachBackListAtOnce_AndForgetsHowToReachThem()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Withdrawn Wren", mayContact: true,
            contactBy: ContactMethod.Email, email: "wren@example.org");
        var idea = await app.CreateContributionAsync(staff.Organisation, "A reading group at the library", c => c.PersonId = person.Id);
        var reachBack = $"{staff.Org}/voice/{idea.Id}/reach-back";
        (await staff.Client.GetPageAsync(reachBack)).QuerySelector("main tbody")!.TextContent.ShouldContain("Withdrawn Wren");

        using var response = await staff.PostPageAsync(Url(staff, person, "contact"), new()
        {
            ["Given"] = "false",
            ["How.Way"] = "Phone",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/people/{person.Id}");
        var after = await staff.Client.GetPageAsync(reachBack);
        after.QuerySelector("main tbody")?.TextContent.ShouldNotContain("Withdrawn Wren");
        after.QuerySelector("main")!.TextContent.ShouldNotContain("wren@example.org");
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        (saved.MayContact, saved.ContactBy, saved.Email).ShouldBe((false, (ContactMethod?)null, (string?)null));
        var answers = await app.ConsentsAsync(staff.Organisation, person.Id);
        var contact = answers.Where(c => c.Kind == ConsentKind.Contact).ToList();
        contact.Select(c => c.Given).ShouldBe([true, false], "the answer they gave first is kept as history");
        contact[^1].ShouldSatisfyAllConditions(c => c.Way.ShouldBe(ConsentWay.Phone), c => c.RecordedByUserId.ShouldBe(staff.User.Id));
        var page = await staff.Client.GetPageAsync(Url(staff, person, "contact"));
        page.QuerySelectorAll("main tbody tr").Length.ShouldBe(2, "both answers are listed");
        page.QuerySelector("main tbody tr")!.TextContent.ShouldContain("No");
    }

    [DatabaseFact]
    public async Task AnAnswerGivenThroughSomeone_NeedsWho_AndShowsItOnTheirRecord()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Photo Phil");
        var record = await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}");
        RowOf(record, "Photos of them").ShouldContain("Not asked");

        using var noWho = await staff.PostPageAsync(Url(staff, person, "photos"), new() { ["Given"] = "true", ["How.Way"] = "ThroughSomeone" });
        using var badWho = await staff.PostPageAsync(Url(staff, person, "photos"), new()
        {
            ["Given"] = "true",
            ["How.Way"] = "ThroughSomeone",
            ["How.ThroughWhom"] = new string('k', Consent.ThroughWhomMaxLength + 1),
        });
        using var response = await staff.PostPageAsync(Url(staff, person, "photos"), new()
        {
            ["Given"] = "true",
            ["How.Way"] = "ThroughSomeone",
            ["How.ThroughWhom"] = "  Kim, their key worker ",
        });

        noWho.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noWho.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say who gave it for them, for example \"Sam, their key worker\""]);
        badWho.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badWho.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Who gave it for them must be 100 characters or fewer"]);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var photos = (await app.ConsentsAsync(staff.Organisation, person.Id)).Where(c => c.Kind == ConsentKind.Photos).ShouldHaveSingleItem();
        (photos.Given, photos.Way, photos.ThroughWhom).ShouldBe((true, ConsentWay.ThroughSomeone, "Kim, their key worker"));
        record = await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}");
        RowOf(record, "Photos of them").ShouldContain("Yes");
        RowOf(record, "Photos of them").ShouldContain("through Kim, their key worker");
    }

    [DatabaseTheory]
    [InlineData("", "InPerson", "Choose yes or no")]
    [InlineData("true", "", "Choose how they told you")]
    [InlineData("maybe", "NotRecorded", "Choose how they told you")]
    [InlineData("true", "99", "Choose how they told you")]
    public async Task AnIncompleteOrImpossibleAnswer_IsRefused_AndNothingIsKept(string given, string way, string message)
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.PostPageAsync(Url(staff, person, "quoted"), new() { ["Given"] = given, ["How.Way"] = way });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldContain(message);
        (await app.ConsentsAsync(staff.Organisation, person.Id)).ShouldNotContain(c => c.Kind == ConsentKind.Quoted);
    }

    [DatabaseFact]
    public async Task AKindThatDoesNotExist_IsNotFound()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.Client.GetAsync(new Uri(Url(staff, person, "Record"), UriKind.Relative));
        using var numbered = await staff.Client.GetAsync(new Uri(Url(staff, person, "0"), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        numbered.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AgreeingToContact_LeadsStaffToSayHow()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Newly Nia");

        using var response = await staff.PostPageAsync(Url(staff, person, "contact"), new() { ["Given"] = "true", ["How.Way"] = "InPerson" });

        response.Location().ShouldBe($"{staff.Org}/people/{person.Id}/edit");
        var form = await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}/edit");
        form.QuerySelector("input[name='Input.ContactBy']").ShouldNotBeNull();
        using var saved = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/edit", new()
        {
            ["Input.Name"] = "Newly Nia",
            ["Input.ContactBy"] = "TextMessage",
            ["Input.Phone"] = "07700 900321",
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        (kept.MayContact, kept.ContactBy, kept.Phone).ShouldBe((true, (ContactMethod?)ContactMethod.TextMessage, (string?)"07700 900321"));
    }

    [DatabaseFact]
    public async Task WithdrawingConsentToBeRecorded_SentSeveralTimesAtOnce_OpensOneRequest_AndAnswersEachClick()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var url = Url(staff, person, "record");
        var token = (await staff.Client.GetPageAsync(url)).AntiforgeryToken();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var response = await staff.Client.PostFormAsync(url, [
                KeyValuePair.Create("Given", "false"), KeyValuePair.Create("How.Way", "Phone"), KeyValuePair.Create(Html.AntiforgeryField, token)]);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(s => s == HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(staff.Organisation, db => db.DataRequests.CountAsync())).ShouldBe(1);
    }

    [DatabaseFact]
    public async Task WithdrawingConsentToBeRecorded_WarnsOnTheirRecord_AndLeadsToErasure()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Leaving Lou");

        using var response = await staff.PostPageAsync(Url(staff, person, "record"), new() { ["Given"] = "false", ["How.Way"] = "InWriting" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var record = await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}");
        record.QuerySelector("main .govuk-warning-text")!.TextContent.ShouldContain("no longer agree");
        record.QuerySelector("main .govuk-warning-text")!.TextContent.ShouldContain("Ask an administrator to erase their record");
        (await app.InOrganisationAsync(staff.Organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id)))
            .ConsentToRecord.ShouldBeFalse();
        var request = await app.InOrganisationAsync(staff.Organisation, db => db.DataRequests.AsNoTracking().SingleAsync());
        (request.PersonId, request.Kind).ShouldBe(((Guid?)person.Id, DataRequestKind.Erasure), "it waits on the staff home until it is done");
        using var admin = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Administrator);
        (await admin.Client.GetPageAsync($"{admin.Org}/people/{person.Id}"))
            .QuerySelector($"main .govuk-warning-text a[href='{admin.Org}/people/{person.Id}/delete']").ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task StaffOfAnotherOrganisation_CannotSeeOrChangeAnyonesConsent()
    {
        using var staff = await app.SignedInAsync();
        using var other = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, mayContact: true, contactBy: ContactMethod.InPerson);

        using var read = await other.Client.GetAsync(new Uri($"{other.Org}/people/{person.Id}/consent/contact", UriKind.Relative));
        // With a valid form token from their own organisation's pages, so only the person's organisation stops it.
        var ownForm = await other.Client.GetPageAsync($"{other.Org}/people/new");
        using var write = await other.Client.SubmitAsync(ownForm, $"{other.Org}/people/{person.Id}/consent/contact",
            new Dictionary<string, string> { ["Given"] = "false", ["How.Way"] = "Phone" });

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ConsentsAsync(staff.Organisation, person.Id)).Count(c => c.Kind == ConsentKind.Contact).ShouldBe(1);
    }

    private static string RowOf(IHtmlDocument page, string key) =>
        page.QuerySelectorAll("main .govuk-summary-list__row")
            .Single(r => r.QuerySelector(".govuk-summary-list__key")!.TextContent.Trim() == key).TextContent;
}
