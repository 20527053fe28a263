using System.Text;
using AngleSharp.Html.Dom;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// Equality monitoring (issue 10): asked only once someone agrees, kept sealed with a key outside the database, never
/// shown on anyone's record or in any list or file, and counted only together, with numbers under 5 hidden.
/// </summary>
public sealed class EqualityMonitoringTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static readonly Dictionary<string, string> Canary = new()
    {
        ["age"] = "25-34",
        ["ethnicity"] = "asian-bangladeshi",
        ["religion"] = "sikh",
        ["housing"] = "sofa-surfing",
    };

    private Task<List<SealedDetail>> SealedAsync(TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.SealedDetails.AsNoTracking().ToListAsync());

    private static string Url(SignedIn staff, Guid personId) => $"{staff.Org}/people/{personId}/equality";

    private static Task<HttpResponseMessage> AnswerAsync(SignedIn staff, IHtmlDocument page, Guid personId, IEnumerable<KeyValuePair<string, string>> answers) =>
        staff.Client.PostFormAsync(Url(staff, personId),
            answers.Select(a => KeyValuePair.Create($"Input.Answers[{a.Key}]", a.Value))
                .Append(KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken())));

    [DatabaseFact]
    public async Task Answers_AreKeptOnlyOnceTheyAgreed()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Not Yet Asked");
        var page = await staff.Client.GetPageAsync(Url(staff, person.Id));
        page.QuerySelector("main form input[type=radio]").ShouldBeNull("there is nothing to fill in until they agree");

        using var refused = await AnswerAsync(staff, page, person.Id, Canary);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Not Yet Asked has not agreed to answer these questions: record their agreement first"]);
        (await SealedAsync(staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task KeptAnswers_AreSealed_AndNeverShownOnTheRecordTheListsTheAuditOrTheFormAgain()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var person = await app.CreatePersonAsync(admin.Organisation, name: "Sealed Sam", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateContributionAsync(admin.Organisation, "A quiet room on Tuesdays", c => c.PersonId = person.Id);
        using (var agreed = await admin.PostPageAsync($"{admin.Org}/people/{person.Id}/consent/equality-monitoring",
                   new() { ["Given"] = "true", ["How.Way"] = "InWriting" }))
        {
            agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var form = await admin.Client.GetPageAsync(Url(admin, person.Id));
        using var saved = await AnswerAsync(admin, form, person.Id, Canary);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = (await SealedAsync(admin.Organisation)).ShouldHaveSingleItem();
        (kept.PersonId, kept.Kind).ShouldBe((person.Id, SealedDetailKind.EqualityAnswers));
        var stored = Encoding.UTF8.GetString(kept.Value);
        foreach (var code in Canary.Values)
        {
            stored.ShouldNotContain(code, Case.Insensitive, "the database holds only the sealed value");
        }

        var words = new[] { "Bangladeshi", "Sikh", "sofa surfing", "25 to 34" };
        var record = (await admin.Client.GetPageAsync($"{admin.Org}/people/{person.Id}")).QuerySelector("main")!.TextContent;
        record.ShouldContain("Answers kept, sealed, since");
        var again = await admin.Client.GetPageAsync(Url(admin, person.Id));
        again.QuerySelectorAll("main input[type=radio][checked]").ShouldBeEmpty("staff never see what was answered");
        var pages = new List<string>
        {
            record,
            (await admin.Client.GetPageAsync($"{admin.Org}/people")).QuerySelector("main")!.TextContent,
            (await admin.Client.GetPageAsync($"{admin.Org}/voice/{idea.Id}/reach-back")).QuerySelector("main")!.TextContent,
            (await admin.Client.GetPageAsync($"{admin.Org}/audit?person={person.Id}")).QuerySelector("main")!.TextContent,
            await admin.Client.GetStringAsync(new Uri($"{admin.Org}/voice/{idea.Id}/reach-back?handler=Csv", UriKind.Relative)),
            await admin.Client.GetStringAsync(new Uri($"{admin.Org}/voice/export?handler=Csv", UriKind.Relative)),
        };
        foreach (var text in pages)
        {
            foreach (var word in words)
            {
                text.ShouldNotContain(word, Case.Insensitive);
            }
        }
    }

    [DatabaseFact]
    public async Task Counts_AreShownOnlyForFiveOrMorePeople_WithNumbersUnderFiveHidden()
    {
        using var staff = await app.SignedInAsync();
        var url = $"{staff.Org}/people/equality";
        for (var i = 0; i < 4; i++)
        {
            var person = await app.CreatePersonAsync(staff.Organisation);
            await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["age"] = "25-34", ["religion"] = "none" });
        }

        var four = await staff.Client.GetPageAsync(url);
        four.QuerySelector("main")!.TextContent.ShouldContain("Counts appear once 5 or more people have answered");
        four.QuerySelectorAll("main table").ShouldBeEmpty();

        for (var i = 0; i < 2; i++)
        {
            var person = await app.CreatePersonAsync(staff.Organisation);
            await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id,
                new Dictionary<string, string> { ["age"] = i == 0 ? "18-24" : "25-34", ["religion"] = "none" });
        }

        var six = await staff.Client.GetPageAsync(url);
        six.QuerySelector("main")!.TextContent.ShouldContain("6 people have answered");
        Row(six, "age", "18 to 24").ShouldBe("Fewer than 5");
        Row(six, "age", "25 to 34").ShouldBe("Fewer than 5", "5 of 6 would give the 1 away");
        Row(six, "age", "Under 18").ShouldBe("0");
        Row(six, "religion", "No religion").ShouldBe("6");
        Row(six, "sex", "Did not answer").ShouldBe("6");
    }

    private static string Row(IHtmlDocument page, string question, string answer) =>
        page.QuerySelectorAll($"table[aria-labelledby='equality-{question}'] tbody tr")
            .Single(r => r.QuerySelector("th")?.TextContent.Trim() == answer)
            .QuerySelector("td")!.TextContent.Trim();

    [DatabaseFact]
    public async Task WithdrawingTheirAgreement_ForgetsTheirAnswers()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var other = await app.CreatePersonAsync(staff.Organisation);
        await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, Canary);
        await app.KeepEqualityAnswersAsync(staff.Organisation, other.Id, Canary);

        using var withdrawn = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/consent/equality-monitoring",
            new() { ["Given"] = "false", ["How.Way"] = "Phone" });

        withdrawn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SealedAsync(staff.Organisation)).Select(s => s.PersonId).ShouldBe([other.Id]);
        var consents = await app.ConsentsAsync(staff.Organisation, person.Id);
        consents.Where(c => c.Kind == ConsentKind.EqualityMonitoring).OrderBy(c => c.AtUtc).Select(c => c.Given).ShouldBe([true, false]);
    }

    [DatabaseFact]
    public async Task ForgettingTheirAnswers_RemovesThem()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, Canary);
        var page = await staff.Client.GetPageAsync(Url(staff, person.Id));

        using var forgot = await staff.Client.PostFormAsync(Url(staff, person.Id) + "?handler=Forget",
            [KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken())]);

        forgot.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SealedAsync(staff.Organisation)).ShouldBeEmpty();
    }

    [DatabaseTheory]
    [InlineData("age", "33", "Age: choose one of the answers given")]
    [InlineData("ethnicity", "<script>", "Ethnic group: choose one of the answers given")]
    [InlineData("shoe-size", "9", "Choose at least one answer, or \"Prefer not to say\"")]
    [InlineData("age", "", "Choose at least one answer, or \"Prefer not to say\"")]
    public async Task ABadAnswer_IsRefusedWithAClearMessage_AndNothingIsKept(string question, string answer, string message)
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["sex"] = "female" });
        var before = (await SealedAsync(staff.Organisation)).Single().Value;
        var page = await staff.Client.GetPageAsync(Url(staff, person.Id));

        using var response = await AnswerAsync(staff, page, person.Id, [KeyValuePair.Create(question, answer)]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        (await SealedAsync(staff.Organisation)).Single().Value.ShouldBe(before);
    }

    [DatabaseFact]
    public async Task AnswersMovedOntoAnotherPersonsRow_DoNotOpen_AndTheCountsSaySo()
    {
        using var staff = await app.SignedInAsync();
        var people = new List<Person>();
        for (var i = 0; i < 7; i++)
        {
            var person = await app.CreatePersonAsync(staff.Organisation);
            await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["sex"] = "male" });
            people.Add(person);
        }

        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            var rows = await db.SealedDetails.Where(s => s.PersonId == people[0].Id || s.PersonId == people[1].Id).ToListAsync();
            (rows[0].Value, rows[1].Value) = (rows[1].Value, rows[0].Value);
            await db.SaveChangesAsync();
        });

        var page = await staff.Client.GetPageAsync($"{staff.Org}/people/equality");

        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("2 sets of answers cannot be read");
        text.ShouldContain("5 people have answered");
        Row(page, "sex", "Male").ShouldBe("5", "only the five that open are counted");
    }
}
