using System.Text;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.People;

/// <summary>
/// The person's record (issue 10): access needs, pronouns, languages and when not to contact them, and the ways to be
/// reached that need more than an email address or phone number (post, through a named worker). Access needs show
/// wherever someone is listed to be contacted, as a short visible summary.
/// </summary>
public sealed class NeedsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private Task<Person> SavedAsync(TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    [DatabaseFact]
    public async Task NeedsAndPreferences_AreKept_AndShownOnTheRecordAndInTheReachBackListAndItsFile()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Needs Nadia", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateContributionAsync(staff.Organisation, "Cooking classes in the evening", c => c.PersonId = person.Id);

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/needs", new()
        {
            ["Input.AccessNeeds"] = "Interpreter",
            ["Input.InterpreterLanguage"] = " Polish ",
            ["Input.Pronouns"] = "she/her",
            ["Input.Languages"] = "Polish; some English",
            ["Input.NotToContact"] = "Not before 10am",
        }, extra: [("Input.AccessNeeds", "StepFreeAccess"), ("Input.AccessNeeds", "Other"), ("Input.OtherAccessNeed", "Seat near the door")]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SavedAsync(staff.Organisation, person.Id);
        saved.AccessNeeds.ShouldBe(AccessNeed.Interpreter | AccessNeed.StepFreeAccess | AccessNeed.Other);
        (saved.InterpreterLanguage, saved.OtherAccessNeed, saved.Pronouns, saved.Languages, saved.NotToContact)
            .ShouldBe(("Polish", "Seat near the door", "she/her", "Polish; some English", "Not before 10am"));
        var record = (await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}")).QuerySelector("main")!.TextContent;
        record.ShouldContain("Interpreter (Polish) · Step-free access · Seat near the door");
        record.ShouldContain("she/her");
        var list = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}/reach-back");
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Needs Nadia", StringComparison.Ordinal));
        row.QuerySelector(".withus-needs")!.TextContent.ShouldBe("Needs: Interpreter (Polish) · Step-free access · Seat near the door");
        row.TextContent.ShouldContain("Not: Not before 10am");
        using var file = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/{idea.Id}/reach-back?handler=Csv", UriKind.Relative));
        var text = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Needs Nadia,In person,,Not before 10am,Interpreter (Polish) · Step-free access · Seat near the door");
    }

    [DatabaseFact]
    public async Task UncheckingANeed_ForgetsItsWords()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        using var first = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/needs", new()
        {
            ["Input.AccessNeeds"] = "Interpreter",
            ["Input.InterpreterLanguage"] = "Somali",
        });

        using var second = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/needs", new()
        {
            ["Input.AccessNeeds"] = "EasyRead",
            ["Input.InterpreterLanguage"] = "Somali",
        });

        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SavedAsync(staff.Organisation, person.Id);
        (saved.AccessNeeds, saved.InterpreterLanguage).ShouldBe((AccessNeed.EasyRead, (string?)null));
    }

    [DatabaseTheory]
    [InlineData("Input.AccessNeeds", "Interpreter", "Say which language they need an interpreter for")]
    [InlineData("Input.AccessNeeds", "Other", "Say what else they need")]
    [InlineData("Input.AccessNeeds", "3", "Choose access needs from the list")]
    [InlineData("Input.AccessNeeds", "NotANeed", "Choose access needs from the list")]
    [InlineData("Input.Pronouns", "she/her but a very long way of saying it, longer than forty", "Pronouns must be 40 characters or fewer")]
    [InlineData("Input.Languages", "Polish\u0007", "Languages can only have letters, numbers, spaces and punctuation")]
    [InlineData("Input.NotToContact", "Not\nmornings", "When not to contact them can only have letters, numbers, spaces and punctuation")]
    public async Task BadAnswers_AreRefusedWithAClearMessage_AndChangeNothing(string field, string value, string message)
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/needs", new() { [field] = value });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        var saved = await SavedAsync(staff.Organisation, person.Id);
        (saved.AccessNeeds, saved.Pronouns, saved.Languages, saved.NotToContact).ShouldBe((AccessNeed.None, (string?)null, (string?)null, (string?)null));
    }

    [DatabaseFact]
    public async Task APrivateNeed_IsSealed_AndStaffSeeOnlyThatThereIsOne_EverywhereTheyAreListed()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Private Pat", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateContributionAsync(staff.Organisation, "Evening sessions", c => c.PersonId = person.Id);
        const string words = "Breaks to take HIV medication";
        var url = $"{staff.Org}/people/{person.Id}/needs";

        using var response = await staff.PostPageAsync(url, new()
        {
            ["Input.AccessNeeds"] = "Other",
            ["Input.OtherAccessNeed"] = words,
            ["Input.OtherIsPrivate"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await SavedAsync(staff.Organisation, person.Id);
        (saved.AccessNeeds, saved.OtherAccessNeed).ShouldBe((AccessNeed.Other, (string?)null));
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.SealedDetails.AsNoTracking().SingleAsync());
        (kept.PersonId, kept.Kind).ShouldBe((person.Id, SealedDetailKind.PrivateAccessNeed));
        Encoding.UTF8.GetString(kept.Value).ShouldNotContain("HIV");
        var record = (await staff.Client.GetPageAsync($"{staff.Org}/people/{person.Id}")).QuerySelector("main")!.TextContent;
        record.ShouldContain(AccessNeedWords.PrivateNeed);
        var form = await staff.Client.GetPageAsync(url);
        form.FieldValue("Input.OtherAccessNeed").ShouldBeNullOrEmpty("staff never read it back");
        form.QuerySelector("#Input_OtherIsPrivate")!.HasAttribute("checked").ShouldBeTrue();
        var list = (await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}/reach-back")).QuerySelector("main")!.TextContent;
        list.ShouldContain("Needs: " + AccessNeedWords.PrivateNeed);
        using var file = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/{idea.Id}/reach-back?handler=Csv", UriKind.Relative));
        var csv = Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync());
        foreach (var text in new[] { record, form.QuerySelector("main")!.TextContent, list, csv, (await staff.Client.GetPageAsync($"{staff.Org}/people")).QuerySelector("main")!.TextContent })
        {
            text.ShouldNotContain("HIV");
        }
    }

    [DatabaseFact]
    public async Task APrivateNeed_IsKeptWhenLeftEmpty_ReplacedWhenRewritten_AndForgottenWhenNoLongerPrivateOrNeeded()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var url = $"{staff.Org}/people/{person.Id}/needs";
        Task<List<SealedDetail>> SealedAsync() => app.InOrganisationAsync(staff.Organisation, db => db.SealedDetails.AsNoTracking().ToListAsync());
        using (var first = await staff.PostPageAsync(url, new() { ["Input.AccessNeeds"] = "Other", ["Input.OtherAccessNeed"] = "Housing letters read aloud", ["Input.OtherIsPrivate"] = "true" }))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = (await SealedAsync()).Single().Value;

        using (var kept = await staff.PostPageAsync(url, new() { ["Input.AccessNeeds"] = "Other", ["Input.OtherAccessNeed"] = "", ["Input.OtherIsPrivate"] = "true" }))
        {
            kept.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await SealedAsync()).Single().Value.ShouldBe(before, "left empty, it stays as it was");

        // Unticked, as a browser sends it: no field at all.
        var page = await staff.Client.GetPageAsync(url);
        using (var plain = await staff.Client.PostFormAsync(url, [
                   KeyValuePair.Create("Input.AccessNeeds", "Other"),
                   KeyValuePair.Create("Input.OtherAccessNeed", "A seat near the door"),
                   KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken()),
               ]))
        {
            plain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await SealedAsync()).ShouldBeEmpty();
        (await SavedAsync(staff.Organisation, person.Id)).OtherAccessNeed.ShouldBe("A seat near the door");

        using (var again = await staff.PostPageAsync(url, new() { ["Input.AccessNeeds"] = "Other", ["Input.OtherAccessNeed"] = "Housing letters read aloud", ["Input.OtherIsPrivate"] = "true" }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var none = await staff.PostPageAsync(url, new() { ["Input.AccessNeeds"] = "EasyRead", ["Input.OtherAccessNeed"] = "", ["Input.OtherIsPrivate"] = "true" }))
        {
            none.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await SealedAsync()).ShouldBeEmpty();
        (await SavedAsync(staff.Organisation, person.Id)).AccessNeeds.ShouldBe(AccessNeed.EasyRead);
    }

    [DatabaseFact]
    public async Task APrivateNeedWithNoWords_IsRefused_WhenNoneIsKept()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/people/{person.Id}/needs",
            new() { ["Input.AccessNeeds"] = "Other", ["Input.OtherAccessNeed"] = "", ["Input.OtherIsPrivate"] = "true" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say what else they need"]);
    }

    [DatabaseFact]
    public async Task PostAndThroughAWorker_NeedTheirDetail_AndShowItInTheReachBackList()
    {
        using var staff = await app.SignedInAsync();
        var byPost = await app.CreatePersonAsync(staff.Organisation, name: "Post Percy", mayContact: true, contactBy: ContactMethod.InPerson);
        var byWorker = await app.CreatePersonAsync(staff.Organisation, name: "Worker Wes", mayContact: true, contactBy: ContactMethod.InPerson);
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench by the bus stop", c => c.PersonId = byPost.Id);
        await app.CreateContributionAsync(staff.Organisation, "Me too", c => { c.PersonId = byWorker.Id; c.LinkedToId = idea.Id; });

        using var noAddress = await staff.PostPageAsync($"{staff.Org}/people/{byPost.Id}/edit", new() { ["Input.Name"] = "Post Percy", ["Input.ContactBy"] = "Post" });
        using var address = await staff.PostPageAsync($"{staff.Org}/people/{byPost.Id}/edit", new()
        {
            ["Input.Name"] = "Post Percy",
            ["Input.ContactBy"] = "Post",
            ["Input.PostalAddress"] = "Flat 2\r\n1 High Street\r\nLeeds LS1 1AA",
            ["Input.Email"] = "not-kept@example.org",
        });
        using var worker = await staff.PostPageAsync($"{staff.Org}/people/{byWorker.Id}/edit", new()
        {
            ["Input.Name"] = "Worker Wes",
            ["Input.ContactBy"] = "ThroughWorker",
            ["Input.ThroughWorker"] = "Sam, key worker at the housing team",
        });

        noAddress.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noAddress.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Enter their postal address"]);
        address.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        worker.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var percy = await SavedAsync(staff.Organisation, byPost.Id);
        (percy.ContactBy, percy.PostalAddress, percy.Email).ShouldBe(((ContactMethod?)ContactMethod.Post, (string?)"Flat 2\n1 High Street\nLeeds LS1 1AA", (string?)null));
        var list = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}/reach-back");
        var rows = list.QuerySelectorAll("main tbody tr").ToDictionary(r => r.QuerySelectorAll("td")[1].QuerySelector("a")!.TextContent.Trim());
        rows["Post Percy"].TextContent.ShouldContain("Flat 2, 1 High Street, Leeds LS1 1AA");
        rows["Worker Wes"].TextContent.ShouldContain("Through a worker");
        rows["Worker Wes"].TextContent.ShouldContain("Sam, key worker at the housing team");
    }

    [DatabaseFact]
    public async Task ThePeopleList_FindsPeopleByNeed_ByInterest_AndByNotHeardFromSince()
    {
        using var staff = await app.SignedInAsync();
        var org = staff.Organisation;
        var ramp = await app.CreatePersonAsync(org, name: "Ramp Ravi");
        var quiet = await app.CreatePersonAsync(org, name: "Quiet Quentin");
        var keen = await app.CreatePersonAsync(org, name: "Keen Kim");
        await app.InOrganisationAsync(org, db => db.People.Where(p => p.Id == ramp.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AccessNeeds, AccessNeed.StepFreeAccess | AccessNeed.LargePrint)));
        var theme = await app.CreateThemeAsync(org);
        var idea = await app.CreateContributionAsync(org, "A ramp at the side door", c => { c.PersonId = ramp.Id; c.SaidOnUtc = DateTime.UtcNow.Date; });
        await app.AddThemeAsync(org, idea.Id, theme.Id);
        await app.CreateContributionAsync(org, "More benches", c => { c.PersonId = quiet.Id; c.SaidOnUtc = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc); });
        await app.InOrganisationAsync(org, async db =>
        {
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = keen.Id, ContributionId = idea.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("main tbody tr").Select(r => r.QuerySelector("td a")!.TextContent.Trim()).ToList();

        Names(await staff.Client.GetPageAsync($"{staff.Org}/people?need=StepFreeAccess")).ShouldBe(["Ramp Ravi"]);
        Names(await staff.Client.GetPageAsync($"{staff.Org}/people?theme={theme.Id}")).ShouldBe(["Keen Kim"]);
        Names(await staff.Client.GetPageAsync($"{staff.Org}/people?since=2025-01-01")).ShouldBe(["Keen Kim", "Quiet Quentin"]);
        var list = await staff.Client.GetPageAsync($"{staff.Org}/people");
        list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Ramp Ravi", StringComparison.Ordinal))
            .QuerySelector(".withus-needs")!.TextContent.ShouldBe("Needs: Large print · Step-free access");
        list.QuerySelectorAll("main tbody tr").Single(r => r.TextContent.Contains("Quiet Quentin", StringComparison.Ordinal))
            .TextContent.ShouldContain("1 May 2024");
        var bad = await staff.Client.GetPageAsync($"{staff.Org}/people?since=31/02/2025");
        bad.QuerySelector("#since-error")!.TextContent.ShouldContain("Enter a real date");
        Names(await staff.Client.GetPageAsync($"{staff.Org}/people?need=99999")).Count.ShouldBe(3, "a need that is not one is no filter");
    }
}
