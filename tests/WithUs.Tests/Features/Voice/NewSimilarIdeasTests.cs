using AngleSharp.Html.Dom;
using static WithUs.Tests.Features.Voice.CaptureSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/New, similar ideas: earlier ideas with words in common, with and without JavaScript.</summary>
public sealed class NewSimilarIdeasTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SimilarFragment_ShowsEarlierIdeasWithTheWordsInCommonMarked_AndItsOutcomeAndVoices()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A football club for women on Saturday mornings",
            c => c.Outcome = OutcomeStatus.Planned);
        await app.CreateContributionAsync(staff.Organisation, "Football for women please", c => c.LinkedToId = idea.Id);
        await app.CreateContributionAsync(staff.Organisation, "The café should sell soup");

        var fragment = await SimilarAsync(staff, "a football club on saturday");

        var items = fragment.QuerySelectorAll(".withus-similar__item");
        items.Length.ShouldBe(1);
        var item = items[0];
        item.QuerySelectorAll("mark").Select(m => m.TextContent).ShouldBe(["football", "club", "Saturday"]);
        item.QuerySelector(".govuk-tag")!.TextContent.ShouldBe("Planned");
        item.QuerySelector(".govuk-tag")!.ClassList.ShouldContain("govuk-tag--light-blue");
        item.TextContent.ShouldContain("2 voices");
        item.QuerySelector($"a[href='{staff.Voice}/{idea.Id}']").ShouldNotBeNull();
        item.QuerySelector("button[name='LinkTo']")!.GetAttribute("value").ShouldBe(idea.Id.ToString());
        fragment.QuerySelector("input[name='Checked']")!.GetAttribute("value").ShouldBe("true");
        fragment.QuerySelector("html")!.InnerHtml.ShouldNotContain("<h1", Case.Insensitive, "a fragment, not a page");
    }

    [DatabaseFact]
    public async Task SimilarFragment_NeverShowsAnotherOrganisationsIdeas()
    {
        using var staff = await app.SignedInAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(elsewhere, "Secret plans for a rooftop garden");

        var fragment = await SimilarAsync(staff, "rooftop garden plans");

        fragment.QuerySelectorAll(".withus-similar__item").ShouldBeEmpty();
        fragment.Body!.TextContent.ShouldNotContain("rooftop");
    }

    [DatabaseFact]
    public async Task Capture_WithoutJavaScript_AsksAboutSimilarIdeasFirst_ThenSavesAsNew()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Free wifi in the community centre");

        using var check = await CaptureAsync(staff, new Dictionary<string, string> { ["Input.Text"] = "Wifi at the community centre", ["Input.Kind"] = "Need" });

        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await check.ReadHtmlAsync();
        page.QuerySelector("#similar h2")!.TextContent.ShouldBe("Is this the same as something already said?");
        page.QuerySelector($"#similar button[name='LinkTo'][value='{idea.Id}']").ShouldNotBeNull();
        page.QuerySelectorAll("#similar mark").Select(m => m.TextContent.ToLowerInvariant()).ShouldContain("wifi");
        page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("Wifi at the community centre");
        page.QuerySelector("#Input_Kind option[value='Need']")!.HasAttribute("selected").ShouldBeTrue();
        (await ContributionsAsync(app, staff.Organisation)).Count.ShouldBe(1, "nothing saved until they answer");

        using var saved = await staff.Client.SubmitAsync(page, staff.New, new Dictionary<string, string>
        {
            ["Input.Kind"] = "Need",
            ["Input.Channel"] = "Conversation",
            ["Input.PersonId"] = "",
        });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var all = await ContributionsAsync(app, staff.Organisation);
        all.Count.ShouldBe(2);
        all[1].Text.ShouldBe("Wifi at the community centre");
        all[1].LinkedToId.ShouldBeNull("saved as new");
    }

    [DatabaseFact]
    public async Task ScriptInWhatWasSaid_IsShownAsText_InTheListTheContributionPageAndTheFragment()
    {
        using var staff = await app.SignedInAsync();
        const string Attack = "<script>alert('xss')</script> swimming <img src=x onerror=alert(1)>";
        var idea = await app.CreateContributionAsync(staff.Organisation, Attack);

        var pages = new[]
        {
            await (await staff.Client.GetAsync(new Uri(staff.Voice, UriKind.Relative))).Content.ReadAsStringAsync(),
            await (await staff.Client.GetAsync(new Uri($"{staff.Voice}/{idea.Id}", UriKind.Relative))).Content.ReadAsStringAsync(),
            (await SimilarAsync(staff, "swimming script alert")).Body!.InnerHtml,
        };

        foreach (var html in pages)
        {
            html.ShouldContain("&lt;script&gt;alert");
            html.ShouldNotContain("<script>alert");
            html.ShouldNotContain("<img src=x");
        }

        (await SimilarAsync(staff, "swimming script alert")).QuerySelectorAll("mark").Select(m => m.TextContent).ShouldContain("swimming");
    }
}
