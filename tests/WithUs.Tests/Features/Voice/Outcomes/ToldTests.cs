using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Voice.Outcomes.OutcomeSteps;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>Voice/Outcomes/Told: recording that the person was told of the outcome, and how.</summary>
public sealed class ToldTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Told_ByPhone_RecordsWhenHowAndTheOutcomeTold()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "Cheaper bus fares", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-2));
        var url = $"{staff.Org}/voice/{idea.Id}/told";
        var page = await staff.Client.GetPageAsync(url);
        page.FieldValue("Input.When").ShouldBe(LocalDay.Today().Iso());

        using var response = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.How"] = "Phone",
            ["Input.Note"] = "Pleased",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}");
        var saved = await ReadAsync(app, staff.Organisation, idea.Id);
        saved.ToldHow.ShouldBe(TellingMethod.Phone);
        saved.ToldOutcome.ShouldBe(OutcomeStatus.Planned);
        saved.ToldAtUtc.ShouldNotBeNull();
        saved.ToldNote.ShouldBe("Pleased");
    }

    [DatabaseFact]
    public async Task Told_InTheFutureOrBeforeTheOutcome_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        // Someone with no way of contact chosen, so that nothing is preselected.
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A bike shed", OutcomeStatus.Done, DateTime.UtcNow.AddDays(-1),
            await app.CreatePersonAsync(staff.Organisation, "Bo"));
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        using var future = await staff.PostPageAsync(url, new()
        {
            ["Input.How"] = "Email",
            ["Input.When"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        using var before = await staff.PostPageAsync(url, new()
        {
            ["Input.How"] = "Email",
            ["Input.When"] = DateTime.UtcNow.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        using var nonsense = await staff.PostPageAsync(url, new() { ["Input.When"] = "yesterday" });

        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await future.ReadHtmlAsync()).ErrorSummary().ShouldBe(["The date you told them must be today or in the past"]);
        before.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await before.ReadHtmlAsync()).ErrorSummary().Single().ShouldStartWith("The date you told them must be on or after");
        nonsense.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var nonsensePage = await nonsense.ReadHtmlAsync();
        nonsensePage.ErrorSummary().ShouldBe(["Choose how you told them", "Enter a real date, like 2026-03-27"]);
        nonsensePage.FieldValue("Input.When").ShouldBe("yesterday");
        (await ReadAsync(app, staff.Organisation, idea.Id)).ToldAtUtc.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Told_WithAnonymousVoices_SaysInOneSentenceThatTheyHearThroughThePublicPage_AndLinksToWherePublishingIsSet()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A bench by the bus stop", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1));
        await AnonymousVoicesAsync(app, staff.Organisation, idea.Id, "", "My knees would thank you");
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        var unpublished = (await staff.Client.GetPageAsync(url)).QuerySelector("#anonymous-voices")!;
        await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.Where(c => c.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPublished, true).SetProperty(c => c.PublicSummary, "A bench by the stop")));
        var published = (await staff.Client.GetPageAsync(url)).QuerySelector("#anonymous-voices")!;

        unpublished.TextContent.Trim().ShouldBe("2 people said this without giving a name, so they cannot be told individually: "
            + "publishing the outcome on the public \"You said, we did\" page is how they hear, and you can do that on the outcome page.");
        unpublished.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{staff.Org}/voice/{idea.Id}/outcome");
        published.TextContent.Trim().ShouldBe("2 people said this without giving a name, so they cannot be told individually: "
            + "the outcome is published on the public \"You said, we did\" page, which is how they hear (change it on the outcome page).");
        published.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{staff.Org}/voice/{idea.Id}/outcome");
    }

    [DatabaseFact]
    public async Task Told_OnAnAnonymousIdea_AsksOnlyAboutThePeopleWhoCanBeTold()
    {
        using var staff = await app.SignedInAsync();
        var idea = await AnonymousAndDoneAsync(app, staff.Organisation, "Free tea at the drop-in");
        var lone = await AnonymousAndDoneAsync(app, staff.Organisation, "Somewhere dry to wait");
        var mo = await app.CreatePersonAsync(staff.Organisation, name: "Mo", mayContact: true, contactBy: ContactMethod.TextMessage, phone: "07700 900789");
        var voice = await app.CreateContributionAsync(staff.Organisation, "Tea would help", c => { c.LinkedToId = idea.Id; c.PersonId = mo.Id; });
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        var details = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");
        var page = await staff.Client.GetPageAsync(url);
        var alone = await staff.Client.GetPageAsync($"{staff.Org}/voice/{lone.Id}/told");
        using var response = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string>());

        details.QuerySelector($"main a[href='{url}']").ShouldNotBeNull("someone who added their voice can be told from here");
        page.QuerySelector("#anonymous-voices")!.TextContent.ShouldStartWith("1 person said this without giving a name, so they cannot be told individually:");
        page.QuerySelectorAll("input[name='Input.How']").ShouldBeEmpty("there is nobody to ask \"how\" about for the idea itself");
        alone.QuerySelector("#anonymous-voices")!.TextContent.ShouldContain("publishing the outcome on the public");
        alone.QuerySelector("main form[method='post']").ShouldBeNull("nobody at all can be told");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(app, staff.Organisation, voice.Id)).ToldHow.ShouldBe(TellingMethod.TextMessage);
        (await ReadAsync(app, staff.Organisation, idea.Id)).ToldAtUtc.ShouldBeNull("nobody can be told an anonymous idea");
    }

    [DatabaseFact]
    public async Task Told_OnAnAnonymousIdea_WithNobodyTicked_AsksWhoWasTold()
    {
        using var staff = await app.SignedInAsync();
        var idea = await AnonymousAndDoneAsync(app, staff.Organisation, "Free tea at the drop-in");
        var mo = await app.CreatePersonAsync(staff.Organisation, name: "Mo", mayContact: true, contactBy: ContactMethod.InPerson);
        var voice = await app.CreateContributionAsync(staff.Organisation, "Tea would help", c => { c.LinkedToId = idea.Id; c.PersonId = mo.Id; });
        var url = $"{staff.Org}/voice/{idea.Id}/told";
        var page = await staff.Client.GetPageAsync(url);

        using var response = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.Others[0].Told"] = "false" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Tick each person you told"]);
        (await ReadAsync(app, staff.Organisation, voice.Id)).ToldAtUtc.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Told_WithNoOutcomeYet_ExplainsAndRefusesAPost()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A quiet room");
        var url = $"{staff.Org}/voice/{idea.Id}/told";
        var page = await staff.Client.GetPageAsync(url);
        page.QuerySelector("main form[method='post']").ShouldBeNull();
        page.QuerySelector("main")!.TextContent.ShouldContain("There is no outcome to tell them yet");

        using var response = await staff.Client.PostFormAsync(url, [
            new(Html.AntiforgeryField, page.AntiforgeryToken()), new("Input.How", "Phone"), new("Input.When", "2020-01-01")]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync(app, staff.Organisation, idea.Id)).ToldAtUtc.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Told_OnAnIdea_OffersEveryOtherVoice_EachByTheirOwnWay_LeavingOutThoseWhoAskedNotToBeContacted()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A repair café", OutcomeStatus.BeingConsidered, DateTime.UtcNow.AddDays(-1));
        var byText = await app.CreatePersonAsync(staff.Organisation, name: "Texting Tara", mayContact: true, contactBy: ContactMethod.TextMessage, phone: "07700 900456");
        var inPerson = await app.CreatePersonAsync(staff.Organisation, name: "Drop-in Dan", mayContact: true, contactBy: ContactMethod.InPerson);
        var refused = await app.CreatePersonAsync(staff.Organisation, name: "Private Pat");
        var tara = await app.CreateContributionAsync(staff.Organisation, "I could fix bikes", c => { c.LinkedToId = idea.Id; c.PersonId = byText.Id; });
        var dan = await app.CreateContributionAsync(staff.Organisation, "", c => { c.LinkedToId = idea.Id; c.PersonId = inPerson.Id; });
        var pat = await app.CreateContributionAsync(staff.Organisation, "Yes please", c => { c.LinkedToId = idea.Id; c.PersonId = refused.Id; });
        var anonymous = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        var page = await staff.Client.GetPageAsync(url);

        page.QuerySelector("input[name='Input.How'][checked]")!.GetAttribute("value").ShouldBe("Email", "the idea's own person asked to be told by email");
        var others = page.QuerySelectorAll("input[name$='].ContributionId']").Select(i => i.GetAttribute("value")).ToList();
        others.ShouldBe([tara.Id.ToString(), dan.Id.ToString()]);
        page.QuerySelector("#Input_Others_0__How option[selected]")!.GetAttribute("value").ShouldBe("TextMessage");
        page.QuerySelector("#Input_Others_1__How option[selected]")!.GetAttribute("value").ShouldBe("InPerson");
        page.QuerySelector("#Input_Others_0_Told")!.HasAttribute("checked").ShouldBeTrue();
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("I could fix bikes");
        main.ShouldContain("Left out, because they asked not to be contacted: Private Pat.");
        main.ShouldContain("1 person said this without giving a name, so they cannot be told individually");

        // Dan was not told after all: untick him. Tara by text, the idea's own person by email.
        using var response = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.Others[1].Told"] = "false",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.Client.GetPageAsync(response.Location())).QuerySelector(".govuk-notification-banner")!.TextContent
            .ShouldContain("Recorded that 2 people were told.");
        var saved = await ReadAsync(app, staff.Organisation, idea.Id);
        saved.ToldHow.ShouldBe(TellingMethod.Email);
        var savedTara = await ReadAsync(app, staff.Organisation, tara.Id);
        savedTara.ToldHow.ShouldBe(TellingMethod.TextMessage);
        savedTara.ToldOutcome.ShouldBe(OutcomeStatus.BeingConsidered);
        (await ReadAsync(app, staff.Organisation, dan.Id)).ToldAtUtc.ShouldBeNull();
        (await ReadAsync(app, staff.Organisation, pat.Id)).ToldAtUtc.ShouldBeNull();
        (await ReadAsync(app, staff.Organisation, anonymous.Id)).ToldAtUtc.ShouldBeNull();

        // Next time only Dan is left to tell; Tara is counted as already told.
        var again = await staff.Client.GetPageAsync(url);
        again.QuerySelectorAll("input[name$='].ContributionId']").Select(i => i.GetAttribute("value")).ShouldBe([dan.Id.ToString()]);
        again.QuerySelector("main")!.TextContent.ShouldContain("1 other person who added their voice has already been told this outcome.");
    }

    [DatabaseFact]
    public async Task Told_AnotherVoiceTickedWithNoWay_IsRefusedByName_AndAnIdFromAnotherIdeaIsIgnored()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "Cooking lessons", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1));
        var other = await app.CreatePersonAsync(staff.Organisation, name: "Undecided Uma", mayContact: true);
        await app.CreateContributionAsync(staff.Organisation, "For beginners", c => { c.LinkedToId = idea.Id; c.PersonId = other.Id; });
        var elsewhere = await app.CreateOwedIdeaAsync(staff.Organisation, "Something else entirely", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1));
        var url = $"{staff.Org}/voice/{idea.Id}/told";
        var page = await staff.Client.GetPageAsync(url);
        page.QuerySelectorAll("#Input_Others_0__How option[selected]").ShouldBeEmpty("no way was given: staff choose");

        using var refused = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.How"] = "Phone" });
        using var tampered = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string>
        {
            ["Input.How"] = "Phone",
            ["Input.Others[0].ContributionId"] = elsewhere.Id.ToString(),
            ["Input.Others[0].How"] = "Phone",
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusedPage = await refused.ReadHtmlAsync();
        refusedPage.ErrorSummary().ShouldBe(["Choose how you told Undecided Uma"]);
        var link = refusedPage.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href")!;
        refusedPage.QuerySelector(link)!.TagName.ShouldBe("SELECT", "the error links to the list it is about");
        tampered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(app, staff.Organisation, elsewhere.Id)).ToldAtUtc.ShouldBeNull("another idea's contribution is not this page's to mark");
    }
}
