using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

public sealed class SayTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private static readonly string LongName = new('n', 101);

    [DatabaseFact]
    public async Task Say_Anonymously_KeepsItWithNoOneAttached_AndSaysWhatHappensNext()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("  A bench by the bus stop, please  "));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/p/{organisation.Slug}/thanks");
        var thanks = await client.GetPageAsync(response.Location());
        thanks.QuerySelector("h1")!.TextContent.Trim().ShouldBe("Thank you");
        thanks.QuerySelector("main")!.TextContent.ShouldContain("What happens next");
        var saved = (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
        saved.Text.ShouldBe("A bench by the bus stop, please");
        saved.Kind.ShouldBe(ContributionKind.Idea);
        saved.Channel.ShouldBe(Channel.OnlineForm);
        saved.Source.ShouldBe(ContributionSource.PublicForm);
        saved.Provenance.ShouldBe(Provenance.FirstHand);
        saved.PersonId.ShouldBeNull();
        saved.RecordedByUserId.ShouldBeNull();
        saved.LinkedToId.ShouldBeNull();
        saved.Outcome.ShouldBe(OutcomeStatus.New);
        saved.IsPublished.ShouldBeFalse();
        saved.TermCount.ShouldBeGreaterThan(0, "the similarity index has it");
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Say_AskingToBeToldByEmail_KeepsAPersonWhoGaveTheirOwnConsent()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("The café closes too early", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(ContributionKind.Concern),
            ["Input.Contact.WantsToHear"] = "true",
            ["Input.Contact.Name"] = " Blue Heron ",
            ["Input.Contact.ContactBy"] = nameof(ContactMethod.Email),
            ["Input.Contact.Email"] = "heron@example.org",
            ["Input.Contact.Phone"] = "07700 900 982",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await app.PeopleAsync(organisation)).ShouldHaveSingleItem();
        person.Name.ShouldBe("Blue Heron");
        person.ConsentToRecord.ShouldBeTrue();
        (await app.ConsentsAsync(organisation, person.Id)).Select(c => (c.Kind, c.Given, c.Way, c.RecordedByUserId))
            .ShouldBe([(ConsentKind.Record, true, ConsentWay.Online, (Guid?)null), (ConsentKind.Contact, true, ConsentWay.Online, (Guid?)null)],
                "they gave their consent themselves");
        person.MayContact.ShouldBeTrue();
        person.ContactBy.ShouldBe(ContactMethod.Email);
        person.Email.ShouldBe("heron@example.org");
        person.Phone.ShouldBeNull("they chose email: the phone number typed as well is not kept");
        person.UserId.ShouldBeNull();
        var saved = (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
        saved.PersonId.ShouldBe(person.Id);
        saved.Kind.ShouldBe(ContributionKind.Concern);
    }

    [DatabaseTheory]
    [InlineData(ContactMethod.TextMessage)]
    [InlineData(ContactMethod.Phone)]
    public async Task Say_AskingToBeToldByPhoneOrText_KeepsTheNumber(ContactMethod method)
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("More evening sessions", new Dictionary<string, string>
        {
            ["Input.Contact.WantsToHear"] = "true",
            ["Input.Contact.Name"] = "Sam",
            ["Input.Contact.ContactBy"] = method.ToString(),
            ["Input.Contact.Email"] = "sam@example.org",
            ["Input.Contact.Phone"] = "+44 7700 900982",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await app.PeopleAsync(organisation)).ShouldHaveSingleItem();
        person.ContactBy.ShouldBe(method);
        person.Phone.ShouldBe("+44 7700 900982");
        person.Email.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Say_NotWantingToBeTold_KeepsNoneOfTheDetailsTyped()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("Free tea", new Dictionary<string, string>
        {
            ["Input.Contact.WantsToHear"] = "false",
            ["Input.Contact.Name"] = "Changed My Mind",
            ["Input.Contact.ContactBy"] = "not a method",
            ["Input.Contact.Email"] = "not an email",
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem().PersonId.ShouldBeNull();
    }

    public static TheoryData<string, string, string> BadAnswers() => new()
    {
        { "Input.Text", "", "Tell us your idea or what you think" },
        { "Input.Text", "   ", "Tell us your idea or what you think" },
        { "Input.Text", new string('a', 4001), "What you tell us must be 4,000 characters or fewer. Try making it shorter" },
        { "Input.Text", "hello\u0001\u0002world", "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation" },
        { "Input.Text", "PK\u0003\u0004\u0014\u0008\u0002binary", "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation" },
        { "Input.Text", "broken \uFFFD\uFFFD bytes", "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation" },
        { "Input.Kind", "", "Choose what kind of thing you are telling us" },
        { "Input.Kind", nameof(ContributionKind.Need), "Choose what kind of thing you are telling us" },
        { "Input.Kind", "Banana", "Check this answer: it is not one of the choices" },
        { "Input.Consent", "false", "Tick the box to say it is OK for us to keep what you tell us" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadAnswers))]
    public async Task Say_WithABadAnswer_SaysWhatIsWrong_KeepsTheRest_AndSavesNothing(string field, string value, string message)
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        var values = PublicPages.SayValues("My idea for the garden", new Dictionary<string, string> { [field] = value });

        using var response = await client.FillInAsync(app, Say(organisation), values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldContain(message);
        if (field != "Input.Text")
        {
            page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("My idea for the garden");
        }

        page.FieldValue("FormIssued").ShouldNotBeNullOrEmpty("a fresh form time, so it can be sent again");
        (await app.ContributionsAsync(organisation)).ShouldBeEmpty();
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> BadContactDetails() => new()
    {
        { "ContactBy=Email|Email=a@example.org", "Input_Contact_Name", "Enter your name, or a made-up name" },
        { "Name=" + LongName + "|ContactBy=Email|Email=a@example.org", "Input_Contact_Name", "Your name must be 100 characters or fewer" },
        { "Name=Al\u0007|ContactBy=Email|Email=a@example.org", "Input_Contact_Name", "Your name can only have letters, numbers, spaces and punctuation" },
        { "Name=Al", "Input_Contact_ContactBy", "Choose how we should tell you" },
        { "Name=Al|ContactBy=InPerson", "Input_Contact_ContactBy", "Choose how we should tell you" },
        { "Name=Al|ContactBy=Email", "Input_Contact_Email", "Enter your email address" },
        { "Name=Al|ContactBy=Email|Email=al at home", "Input_Contact_Email", "Enter an email address in the right format, like name@example.org" },
        { "Name=Al|ContactBy=TextMessage", "Input_Contact_Phone", "Enter your phone number" },
        { "Name=Al|ContactBy=Phone|Phone=call me", "Input_Contact_Phone", "Enter a phone number, like 07700 900982, or with its country code, like +33 1 42 68 53 00" },
        { "Name=Al|ContactBy=Phone|Phone=123", "Input_Contact_Phone", "Enter a phone number, like 07700 900982, or with its country code, like +33 1 42 68 53 00" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadContactDetails))]
    public async Task Say_AskingToBeToldWithoutUsableDetails_SaysWhichDetailIsMissing(string contact, string fieldId,
        string message)
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        var values = PublicPages.SayValues("Longer opening hours", contact.Split('|').Select(p => p.Split('=', 2))
            .ToDictionary(p => "Input.Contact." + p[0], p => p[1]));
        values["Input.Contact.WantsToHear"] = "true";

        using var response = await client.FillInAsync(app, Say(organisation), values);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([message]);
        page.QuerySelector($".govuk-error-summary a[href='#{fieldId}']").ShouldNotBeNull("the message links to its field");
        page.QuerySelector($"#{fieldId}").ShouldNotBeNull();
        page.QuerySelector("input[name='Input.Contact.WantsToHear'][value='true']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector(".govuk-radios__conditional")!.ClassList.ShouldNotContain("govuk-radios__conditional--hidden");
        (await app.ContributionsAsync(organisation)).ShouldBeEmpty();
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Say_NulCharacters_AreRefusedBeforeTheFormIsRead_AndNothingIsSaved()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("nul\0here"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.ContributionsAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Say_Script_IsShownBackAsTextNeverAsMarkup()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        var values = PublicPages.SayValues("<script>alert('hi')</script>", new Dictionary<string, string> { ["Input.Consent"] = "false" });

        using var response = await client.FillInAsync(app, Say(organisation), values);

        await response.ShouldShowTheScriptAsTextAsync("&lt;script&gt;alert(");
    }

    [DatabaseFact]
    public async Task Say_OddButRealUnicode_IsKeptAsTyped()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        const string text = "Plus de café ☕ — 더 많은 커피 👩🏽‍🦽 שלום";

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues(text));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem().Text.ShouldBe(text);
    }

    [DatabaseFact]
    public async Task SayPage_ExplainsConsentPlainly_AndHasTheHoneypotHiddenFromPeople()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync(Say(organisation));

        page.QuerySelector("label[for='Input_Text']")!.TextContent.Trim().ShouldBe("What would you like to tell us?");
        page.QuerySelector("main")!.TextContent.ShouldContain("We will keep what you tell us so we can act on it. We will not show your name publicly.");
        page.QuerySelector("main")!.TextContent.ShouldContain("Do you want us to tell you what happens?");
        var trap = page.QuerySelector("input[name='Website']")!;
        trap.GetAttribute("tabindex").ShouldBe("-1");
        trap.GetAttribute("autocomplete").ShouldBe("off");
        trap.ParentElement!.GetAttribute("aria-hidden").ShouldBe("true");
        trap.ParentElement!.ClassList.ShouldContain("govuk-visually-hidden");
        page.QuerySelector("label[for='Website']")!.TextContent.ShouldBe("Leave this empty");
        page.QuerySelectorAll("script:not([src])").Length.ShouldBe(0);
    }
}
