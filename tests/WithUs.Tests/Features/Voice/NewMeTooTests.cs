using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/New, "me too": another voice for an idea already recorded.</summary>
public sealed class NewMeTooTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task MeToo_AddsAVoiceToTheIdea_KeepingBothTexts()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A homework club after school");
        var person = await app.CreatePersonAsync(staff.Organisation, "Joe Bloggs");

        using var response = await CaptureAsync(staff, new Dictionary<string, string>
        {
            ["Input.Text"] = "My kids need help with homework",
            ["Input.Who"] = "Known",
            ["Input.PersonId"] = person.Id.ToString(),
            ["LinkTo"] = idea.Id.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var all = await ContributionsAsync(app, staff.Organisation);
        all.Count.ShouldBe(2);
        all[0].Text.ShouldBe("A homework club after school");
        all[1].Text.ShouldBe("My kids need help with homework");
        all[1].LinkedToId.ShouldBe(idea.Id);
        var meToo = await staff.Client.GetPageAsync(response.Location());
        meToo.QuerySelector(".govuk-notification-banner")!.TextContent.ShouldContain("as another voice");
        meToo.QuerySelector($"main a[href='{staff.Voice}/{idea.Id}']")!.TextContent.ShouldBe("A homework club after school");
        meToo.QuerySelector("main")!.TextContent.ShouldContain("Adds a voice to:");
        var ideaPage = await staff.Client.GetPageAsync($"{staff.Voice}/{idea.Id}");
        ideaPage.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Voices (2)");
        ideaPage.QuerySelector(".withus-voices")!.TextContent.ShouldContain("Joe Bloggs");
        ideaPage.QuerySelector(".withus-voices")!.TextContent.ShouldContain("My kids need help with homework");
    }

    /// <summary>
    /// A person's voice counts once per idea however often they say it (VoiceCounts), and each time is kept: their words
    /// are never dropped, so this rule is in the count rather than a unique index. Thirty at once must not break it.
    /// </summary>
    [DatabaseFact]
    public async Task MeToo_ThirtyAtOnceFromOnePerson_AllSucceed_AndTheyCountAsOneVoice()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A homework club after school");
        var person = await app.CreatePersonAsync(staff.Organisation, "Joe Bloggs");
        var meToo = new Dictionary<string, string>
        {
            ["Input.Text"] = "My kids need help with homework",
            ["Input.Who"] = "Known",
            ["Input.PersonId"] = person.Id.ToString(),
            ["LinkTo"] = idea.Id.ToString(),
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => CaptureAsync(staff, meToo)));
        using var later = await CaptureAsync(staff, new Dictionary<string, string>(meToo) { ["Input.Text"] = "Still need it" });

        answers.Append(later).Select(a => a.StatusCode).Distinct().ShouldBe([HttpStatusCode.Redirect]);
        var ideaPage = await staff.Client.GetPageAsync($"{staff.Voice}/{idea.Id}");
        ideaPage.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Voices (2)", "the idea's own (anonymous) and Joe's, once");
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [DatabaseFact]
    public async Task MeToo_ToAVoice_AddsToTheIdeaItself()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Longer library hours");
        var voice = await app.CreateContributionAsync(staff.Organisation, "Library open later", c => c.LinkedToId = idea.Id);

        using var response = await CaptureAsync(staff, new Dictionary<string, string> { ["LinkTo"] = voice.Id.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ContributionsAsync(app, staff.Organisation)).Last().LinkedToId.ShouldBe(idea.Id);
    }

    [DatabaseFact]
    public async Task MeToo_ToAnotherOrganisationsIdea_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        var theirs = await app.CreateContributionAsync(elsewhere, "Their idea");

        using var response = await CaptureAsync(staff, new Dictionary<string, string> { ["LinkTo"] = theirs.Id.ToString() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ContributionsAsync(app, staff.Organisation)).ShouldBeEmpty();
    }
}
