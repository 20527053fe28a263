using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

/// <summary>A published idea, as the public sees it, and "me too".</summary>
public sealed class IdeaTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Idea_ShowsThePublicWordsOutcomeAndVoices_NeverTheOriginalWordsOrWhoSaidIt()
    {
        var organisation = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(organisation, name: "Marguerite Fenwick-Oyelaran");
        var idea = await app.CreatePublishedIdeaAsync(organisation, "My neighbour Tom at number 12 wants a ramp", "A ramp at the front door",
            OutcomeStatus.NotPossible, c =>
            {
                c.PersonId = person.Id;
                c.NotPossibleReason = NotPossibleReason.NotAffordableNow;
                c.OutcomeExplanation = "Tom, we are so sorry: the ramp costs more than we have.";
                c.PublicOutcome = "We will ask the council again in spring.";
            });
        await app.CreateContributionAsync(organisation, "me too", c => c.LinkedToId = idea.Id);
        await app.CreateContributionAsync(organisation, "and me", c => c.LinkedToId = idea.Id);

        using var client = app.CreateBrowser();
        var page = await client.GetPageAsync(Idea(organisation, idea.Id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("A ramp at the front door");
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("We cannot do this.");
        main.ShouldContain("We do not have the money for it now.");
        main.ShouldContain("We will ask the council again in spring.");
        main.ShouldContain("3 people said this");
        main.ShouldNotContain("Tom at number 12");
        main.ShouldNotContain("so sorry", Case.Sensitive, "what was written for the person is never published");
        main.ShouldNotContain("and me");
        page.DocumentElement.OuterHtml.ShouldNotContain("Marguerite");
    }

    [DatabaseFact]
    public async Task MeToo_Anonymously_AddsAVoiceToTheIdea()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Longer library hours", configure: c => c.Kind = ContributionKind.Need);
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues("  I work until six  "));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/p/{organisation.Slug}/thanks");
        var voice = (await app.ContributionsAsync(organisation)).Where(c => c.Id != idea.Id).ShouldHaveSingleItem();
        voice.LinkedToId.ShouldBe(idea.Id);
        voice.Text.ShouldBe("I work until six");
        voice.Kind.ShouldBe(ContributionKind.Need);
        voice.Source.ShouldBe(ContributionSource.PublicForm);
        voice.Channel.ShouldBe(Channel.OnlineForm);
        voice.Provenance.ShouldBe(Provenance.FirstHand);
        voice.PersonId.ShouldBeNull();
        voice.IsPublished.ShouldBeFalse();
        (await client.GetPageAsync(Idea(organisation, idea.Id))).QuerySelector("main")!.TextContent.ShouldContain("2 people said this");
    }

    [DatabaseFact]
    public async Task MeToo_WithNothingToAddAndAskingToBeTold_KeepsThePerson()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "A quiet room");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues(overrides: new Dictionary<string, string>
        {
            ["Input.Contact.WantsToHear"] = "true",
            ["Input.Contact.Name"] = "Robin",
            ["Input.Contact.ContactBy"] = nameof(ContactMethod.TextMessage),
            ["Input.Contact.Phone"] = "07700 900 123",
            ["Input.Consent"] = "true",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await app.PeopleAsync(organisation)).ShouldHaveSingleItem();
        person.Name.ShouldBe("Robin");
        person.MayContact.ShouldBeTrue();
        person.ContactBy.ShouldBe(ContactMethod.TextMessage);
        person.Phone.ShouldBe("07700 900 123");
        var voice = (await app.ContributionsAsync(organisation)).Where(c => c.Id != idea.Id).ShouldHaveSingleItem();
        voice.PersonId.ShouldBe(person.Id);
        voice.Text.ShouldBe("");
    }

    public static TheoryData<string, string, string> BadAnswers() => new()
    {
        { "Input.Text", new string('x', 4001), "What you add must be 4,000 characters or fewer. Try making it shorter" },
        { "Input.Text", "escape \u001b[31m here", "What you add has characters we cannot read. Use letters, numbers, spaces and punctuation" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadAnswers))]
    public async Task MeToo_WithABadAnswer_SaysWhatIsWrongAndAddsNothing(string field, string value, string message)
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues(overrides: new Dictionary<string, string> { [field] = value }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([message]);
        page.QuerySelector("h1")!.TextContent.ShouldBe("Bike racks");
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem().Id.ShouldBe(idea.Id);
    }

    [DatabaseFact]
    public async Task MeToo_Script_IsShownBackAsText()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id),
            PublicPages.MeTooValues("<script>alert(1)</script>", Robin(consent: false)));

        await response.ShouldShowTheScriptAsTextAsync("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private static Dictionary<string, string> Robin(bool consent) => new()
    {
        ["Input.Contact.WantsToHear"] = "true",
        ["Input.Contact.Name"] = "Robin",
        ["Input.Contact.ContactBy"] = nameof(ContactMethod.Email),
        ["Input.Contact.Email"] = "robin@example.org",
        ["Input.Consent"] = consent ? "true" : "false",
    };

    [DatabaseFact]
    public async Task MeToo_WithNothingPersonal_NeedsNoConsentTick_AndTheFormDoesNotAskForOne()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();
        var form = await client.GetPageAsync(Idea(organisation, idea.Id));

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues());

        form.QuerySelector("input[name='Input.Consent']")!.Closest("[hidden]").ShouldNotBeNull("asked only with contact details");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ContributionsAsync(organisation)).Count.ShouldBe(2);
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task MeToo_WithContactDetailsButNoConsent_AsksForItAndKeepsNothing()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues(overrides: Robin(consent: false)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["Tick the box to say it is OK for us to keep what you tell us"]);
        page.FieldValue("Input.Contact.Email").ShouldBe("robin@example.org");
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task MeToo_YesWithoutDetails_ShowsTheContactQuestionsAndConsentAsASecondStep()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();

        using var step = await client.FillInAsync(app, Idea(organisation, idea.Id),
            PublicPages.MeTooValues("I cycle to work", new Dictionary<string, string> { ["Input.Contact.WantsToHear"] = "true" }));

        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await step.ReadHtmlAsync();
        page.ErrorSummary().ShouldBeEmpty();
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("You asked us to tell you what happens.");
        page.QuerySelector("#Input_Contact_Details")!.HasAttribute("hidden").ShouldBeFalse();
        page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("I cycle to work");
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();

        app.Clock.Advance(PublicPages.ThinkingTime);
        using var sent = await client.SubmitAsync(page, Idea(organisation, idea.Id), Robin(consent: true));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await app.PeopleAsync(organisation)).ShouldHaveSingleItem();
        (await app.ContributionsAsync(organisation)).ShouldContain(c => c.LinkedToId == idea.Id && c.PersonId == person.Id && c.Text == "I cycle to work");
    }

    [DatabaseFact]
    public async Task Idea_Done_ShowsWhatHappened_WithNoMeTooForm()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks", OutcomeStatus.Done);
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync(Idea(organisation, idea.Id));

        page.QuerySelector("h1")!.TextContent.ShouldBe("Bike racks");
        page.QuerySelector("main")!.TextContent.ShouldContain("We did it.");
        page.QuerySelector("main form").ShouldBeNull();
        page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldNotContain("Me too");
        page.QuerySelector("main")!.TextContent.ShouldContain("It is done");
    }

    [DatabaseFact]
    public async Task MeToo_SentToAnIdeaDoneWhileTheFormWasOpen_AddsNothing_AndShowsItIsDone()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        using var client = app.CreateBrowser();
        var form = await client.GetPageAsync(Idea(organisation, idea.Id));
        await app.InOrganisationAsync(organisation, async db =>
        {
            var row = await db.Contributions.SingleAsync(c => c.Id == idea.Id);
            row.Outcome = OutcomeStatus.Done;
            await db.SaveChangesAsync();
        });

        app.Clock.Advance(PublicPages.ThinkingTime);
        using var response = await client.SubmitAsync(form, Idea(organisation, idea.Id), PublicPages.MeTooValues("me too"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe(Idea(organisation, idea.Id));
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
    }

    [DatabaseFact]
    public async Task Idea_NotPublished_IsNotFound_ForReadingOrForMeToo()
    {
        var organisation = await app.CreateOrganisationAsync();
        var unpublished = await app.CreateContributionAsync(organisation, "private words", c => c.PublicSummary = "Drafted summary");
        using var client = app.CreateBrowser();
        var someForm = await client.GetPageAsync(Say(organisation));

        using var read = await client.GetAsync(new Uri(Idea(organisation, unpublished.Id), UriKind.Relative));
        app.Clock.Advance(PublicPages.ThinkingTime);
        using var meToo = await client.PostFormAsync(Idea(organisation, unpublished.Id), new Dictionary<string, string>(PublicPages.MeTooValues())
        {
            [Html.AntiforgeryField] = someForm.AntiforgeryToken(),
            ["FormIssued"] = someForm.FieldValue("FormIssued")!,
        });

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync()).ShouldNotContain("private words");
        meToo.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
    }

    [DatabaseFact]
    public async Task Idea_PublishedWithoutPublicWords_IsNotFound_SoTheOriginalWordsCanNeverShow()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreateContributionAsync(organisation, "private words", c => c.IsPublished = true);
        using var client = app.CreateBrowser();

        using var read = await client.GetAsync(new Uri(Idea(organisation, idea.Id), UriKind.Relative));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Idea_AVoiceAddedToAnIdea_IsNotAnIdeaOfItsOwn()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original words", "Bike racks");
        var voice = await app.CreateContributionAsync(organisation, "me too words", c =>
        {
            c.LinkedToId = idea.Id;
            c.IsPublished = true;
            c.PublicSummary = "Published by mistake";
        });
        using var client = app.CreateBrowser();

        using var read = await client.GetAsync(new Uri(Idea(organisation, voice.Id), UriKind.Relative));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Idea_OfAnotherOrganisation_IsNotFoundUnderThisOne()
    {
        var organisation = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var theirs = await app.CreatePublishedIdeaAsync(other, "their words", "Their published idea");
        using var client = app.CreateBrowser();

        using var read = await client.GetAsync(new Uri(Idea(organisation, theirs.Id), UriKind.Relative));

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetPageAsync(Idea(other, theirs.Id))).QuerySelector("h1")!.TextContent.ShouldBe("Their published idea");
    }
}
