using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

/// <summary>A public "me too" with nothing added is a voice, shown as one: never a blank line in staff lists.</summary>
public sealed class MeTooWithNothingAddedTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task MeTooWithNothingAdded_IsKeptWithoutInventedWords_AndShownAsSayingMeToo()
    {
        using var staff = await app.SignedInAsync(OrganisationRole.Staff);
        var idea = await app.CreatePublishedIdeaAsync(staff.Organisation, "original words", "Longer library hours");
        using var visitor = app.CreateBrowser();

        using var response = await visitor.FillInAsync(app, Idea(staff.Organisation, idea.Id), PublicPages.MeTooValues(""));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var voice = (await app.ContributionsAsync(staff.Organisation)).Where(c => c.Id != idea.Id).ShouldHaveSingleItem();
        voice.Text.ShouldBeEmpty("nothing was added, and nothing is made up in its place");
        var list = await staff.Client.GetPageAsync($"{staff.Org}/voice");
        var links = list.QuerySelectorAll(".withus-voice-list__link").Select(a => a.TextContent.Trim()).ToList();
        links.ShouldContain(VoiceText.MeTooWithNothingAdded);
        links.ShouldAllBe(text => text.Length > 0);
        var ideaPage = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");
        ideaPage.QuerySelector(".withus-voices")!.TextContent.ShouldContain(VoiceText.MeTooWithNothingAdded);
        var voicePage = await staff.Client.GetPageAsync($"{staff.Org}/voice/{voice.Id}");
        voicePage.QuerySelector(".withus-said")!.TextContent.Trim().ShouldBe(VoiceText.MeTooWithNothingAdded);
    }
}
