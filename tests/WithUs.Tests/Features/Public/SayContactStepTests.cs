using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.Public;

/// <summary>
/// Public/Say, the contact block: its questions appear only after "yes, tell me what happens". Script reveals them at
/// once; without script (as these tests post) the form comes back with them as a plain second step.
/// </summary>
public sealed class SayContactStepTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private static string Say(TestOrganisation organisation) => $"/p/{organisation.Slug}/say";

    [DatabaseFact]
    public async Task SayPage_HoldsTheContactQuestionsBackUntilYes()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync(Say(organisation));

        var details = page.QuerySelector("#Input_Contact_Details")!;
        details.HasAttribute("hidden").ShouldBeTrue("without script it is a second step");
        details.QuerySelector("input[name='Input.Contact.Name']").ShouldNotBeNull("script can reveal it without a round trip");
        page.QuerySelector("input[name='Input.Contact.WantsToHear'][value='true']")!.GetAttribute("data-withus-reveals")
            .ShouldBe("Input_Contact_Details");
        page.QuerySelector(".govuk-notification-banner").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Say_YesWithoutDetails_ShowsTheContactQuestionsAsASecondStep_KeepingWhatWasTyped()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var step = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("A bench by the bus stop",
            new Dictionary<string, string> { ["Input.Contact.WantsToHear"] = "true" }));

        step.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await step.ReadHtmlAsync();
        page.ErrorSummary().ShouldBeEmpty("they have not made a mistake: they have not seen these questions yet");
        page.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("Tell us your name and how to tell you");
        page.QuerySelector(".govuk-notification-banner a")!.GetAttribute("href").ShouldBe("#Input_Contact_Name");
        var details = page.QuerySelector("#Input_Contact_Details")!;
        details.HasAttribute("hidden").ShouldBeFalse();
        details.ClassList.ShouldNotContain("govuk-radios__conditional--hidden");
        page.QuerySelector("input[name='Input.Contact.WantsToHear'][value='true']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("A bench by the bus stop");
        page.QuerySelector("input[name='Input.Consent']")!.HasAttribute("checked").ShouldBeTrue();
        page.QuerySelector("input[name='Input.Kind'][value='Idea']")!.HasAttribute("checked").ShouldBeTrue();
        (await app.ContributionsAsync(organisation)).ShouldBeEmpty();

        app.Clock.Advance(PublicPages.ThinkingTime);
        using var sent = await client.SubmitAsync(page, Say(organisation), new Dictionary<string, string>
        {
            ["Input.Contact.Name"] = "Wren",
            ["Input.Contact.ContactBy"] = nameof(ContactMethod.Email),
            ["Input.Contact.Email"] = "wren@example.org",
        });

        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var person = (await app.PeopleAsync(organisation)).ShouldHaveSingleItem();
        person.Email.ShouldBe("wren@example.org");
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem().PersonId.ShouldBe(person.Id);
    }

    [DatabaseFact]
    public async Task Say_YesWithoutDetails_AndAMistakeElsewhere_ShowsOnlyTheMistake_AndTheQuestions()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("",
            new Dictionary<string, string> { ["Input.Contact.WantsToHear"] = "true" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["Tell us your idea or what you think"]);
        page.QuerySelector("#Input_Contact_Details")!.HasAttribute("hidden").ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task Say_No_KeepsTheQuestionsHeldBack_WhenTheFormComesBackWithAMistake()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues(""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).QuerySelector("#Input_Contact_Details")!.HasAttribute("hidden").ShouldBeTrue();
    }
}
