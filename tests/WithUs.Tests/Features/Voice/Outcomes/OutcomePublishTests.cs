using AngleSharp.Html.Dom;
using WithUs.Tests.Features.Public;
using static WithUs.Tests.Features.Voice.Outcomes.OutcomeSteps;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>
/// Voice/Outcomes/Outcome, publishing: what is written for the person and what the public read are separate fields,
/// and staff see exactly what the public will see before it goes out.
/// </summary>
public sealed class OutcomePublishTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string ForThePerson = "Dear Rosa, we spoke to Mr Patel at the council and he agreed.";
    private const string YouSaid = "A bench by the bus stop on Elm Road";
    private const string WeDid = "The council put a bench there in March.";

    private static Dictionary<string, string> Publishing(string? weDid = WeDid) => new()
    {
        ["Input.Status"] = nameof(OutcomeStatus.Done),
        ["Input.Explanation"] = ForThePerson,
        ["Input.Publish"] = "true",
        ["Input.PublicSummary"] = YouSaid,
        ["Input.PublicOutcome"] = weDid ?? "",
    };

    private static string Url(SignedIn staff, Guid id) => $"{staff.Org}/voice/{id}/outcome";

    /// <summary>Saves with publish ticked, checks the preview it is shown, and saves again from it.</summary>
    private static async Task<IHtmlDocument> PublishAsync(SignedIn staff, Guid id, Dictionary<string, string> values)
    {
        using var first = await staff.PostPageAsync(Url(staff, id), values);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, "the public words are checked before they go out");
        var preview = await first.ReadHtmlAsync();
        using var saved = await staff.Client.SubmitAsync(preview, Url(staff, id), values);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return preview;
    }

    /// <summary>Presses "Check what the public will see" as a browser does: the form's fields, to the button's own address.</summary>
    private static Task<HttpResponseMessage> PreviewAsync(SignedIn staff, IHtmlDocument page, Dictionary<string, string> values)
    {
        var fields = page.MainForm().Fields().Where(f => !values.ContainsKey(f.Key)).ToList();
        fields.AddRange(values);
        var button = page.QuerySelectorAll("main button").Single(b => b.TextContent.Trim() == "Check what the public will see");
        return staff.Client.PostFormAsync(button.GetAttribute("formaction")!, fields);
    }

    [DatabaseFact]
    public async Task Get_LabelsWhatIsForThePersonAndWhatIsPublished_Apart()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");

        var page = await staff.Client.GetPageAsync(Url(staff, idea.Id));

        page.QuerySelector("label[for='Input_Explanation']")!.TextContent.ShouldBe("What to tell the person who said it");
        page.QuerySelector("#Input_Explanation-hint")!.TextContent.ShouldContain("never published");
        page.QuerySelector("label[for='Input_PublicSummary']")!.TextContent.ShouldBe("You said: what people asked for");
        page.QuerySelector("#Input_PublicSummary-hint")!.TextContent.ShouldContain("what people told us or asked for, not what we did");
        page.QuerySelector("label[for='Input_PublicOutcome']")!.TextContent.ShouldStartWith("We did: what happened, for the public");
        page.QuerySelectorAll("main button").Select(b => b.TextContent.Trim())
            .ShouldBe(["Save outcome", "Check what the public will see"]);
        page.QuerySelectorAll("main button")[1].GetAttribute("formaction").ShouldBe(Url(staff, idea.Id) + "?handler=Preview");
    }

    [DatabaseFact]
    public async Task Post_Publishing_FirstShowsWhatThePublicWillSee_AndPublishesNothingYet()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "My neighbour Rosa says a bench please");
        await app.CreateContributionAsync(staff.Organisation, "me too", c => c.LinkedToId = idea.Id);

        using var response = await staff.PostPageAsync(Url(staff, idea.Id), Publishing());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        var preview = page.QuerySelector("#public-preview")!;
        preview.QuerySelector("h2")!.TextContent.ShouldBe("What the public will see");
        var card = preview.QuerySelector(".govuk-summary-card")!.TextContent;
        card.ShouldContain(YouSaid);
        card.ShouldContain("We did it.");
        card.ShouldContain(WeDid);
        card.ShouldContain("2 people said this");
        card.ShouldNotContain("Mr Patel");
        var saved = await ReadAsync(app, staff.Organisation, idea.Id);
        saved.IsPublished.ShouldBeFalse();
        saved.Outcome.ShouldBe(OutcomeStatus.New, "nothing is saved until they have seen it");
    }

    [DatabaseFact]
    public async Task Post_AfterCheckingThePreview_PublishesTheWordsForThePublic_AndKeepsTheWordsForThePerson()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");

        await PublishAsync(staff, idea.Id, Publishing());

        var saved = await ReadAsync(app, staff.Organisation, idea.Id);
        saved.IsPublished.ShouldBeTrue();
        saved.PublishedAtUtc.ShouldNotBeNull();
        saved.Outcome.ShouldBe(OutcomeStatus.Done);
        saved.OutcomeExplanation.ShouldBe(ForThePerson);
        saved.PublicSummary.ShouldBe(YouSaid);
        saved.PublicOutcome.ShouldBe(WeDid);
    }

    [DatabaseFact]
    public async Task PublicPagesAndFeed_ShowThePublicWords_NeverThoseWrittenForThePerson()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        await PublishAsync(staff, idea.Id, Publishing());
        using var visitor = app.CreateBrowser();

        var slug = staff.Organisation.Slug;
        foreach (var url in new[] { $"/p/{slug}/you-said-we-did", $"/p/{slug}/you-said-we-did.atom", $"/p/{slug}/ideas/{idea.Id}" })
        {
            var body = await visitor.BodyAsync(url);
            body.ShouldContain(WeDid, Case.Sensitive, url);
            body.ShouldNotContain("Mr Patel", Case.Sensitive, url);
            body.ShouldNotContain("Dear Rosa", Case.Sensitive, url);
        }
    }

    [DatabaseFact]
    public async Task PublicPages_WithoutPublicWordsForWhatWeDid_ShowOnlyThePlainOutcome()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        await PublishAsync(staff, idea.Id, Publishing(weDid: null));
        using var visitor = app.CreateBrowser();

        var page = await visitor.GetPageAsync($"/p/{staff.Organisation.Slug}/you-said-we-did");

        page.QuerySelector(".withus-we-did")!.TextContent.Trim().ShouldBe("We did it.");
        (await ReadAsync(app, staff.Organisation, idea.Id)).PublicOutcome.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Preview_ShowsTheCard_WithoutSavingAnything()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        var page = await staff.Client.GetPageAsync(Url(staff, idea.Id));

        using var response = await PreviewAsync(staff, page, Publishing());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = (await response.ReadHtmlAsync()).QuerySelector("#public-preview .govuk-summary-card")!.TextContent;
        preview.ShouldContain(YouSaid);
        preview.ShouldContain(WeDid);
        (await ReadAsync(app, staff.Organisation, idea.Id)).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [DatabaseFact]
    public async Task AfterCheckingThePreview_SaveOutcomePostsToThePageItself_NotToThePreviewAgain()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        var page = await staff.Client.GetPageAsync(Url(staff, idea.Id));

        // The browser is now at ?handler=Preview: a form without its own address would post "Save outcome" there.
        using var response = await PreviewAsync(staff, page, Publishing());
        var preview = await response.ReadHtmlAsync();

        preview.MainForm().GetAttribute("action").ShouldBe(Url(staff, idea.Id));
    }

    [DatabaseFact]
    public async Task Preview_WithPublishUnticked_SaysNothingWillBePublished()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        var page = await staff.Client.GetPageAsync(Url(staff, idea.Id));

        using var response = await PreviewAsync(staff, page, new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(OutcomeStatus.Planned),
            ["Input.Explanation"] = ForThePerson,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var preview = (await response.ReadHtmlAsync()).QuerySelector("#public-preview")!;
        preview.TextContent.ShouldContain("Nothing. \"Publish on You said, we did\" is not ticked.");
        preview.QuerySelector(".govuk-summary-card").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task Post_PublicWordsChangedAfterTheCheck_AreCheckedAgain()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        using var first = await staff.PostPageAsync(Url(staff, idea.Id), Publishing());
        var checkedPage = await first.ReadHtmlAsync();

        var changed = Publishing("The bench has the name of Rosa's late husband on it.");
        using var second = await staff.Client.SubmitAsync(checkedPage, Url(staff, idea.Id), changed);

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.ReadHtmlAsync()).QuerySelector("#public-preview")!.TextContent.ShouldContain("late husband");
        (await ReadAsync(app, staff.Organisation, idea.Id)).IsPublished.ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task Post_AlreadyPublished_ChangingOnlyWhatThePersonIsTold_SavesAtOnce()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");
        await PublishAsync(staff, idea.Id, Publishing());

        var values = Publishing();
        values["Input.Explanation"] = "We put the bench in. Thank you for asking.";
        using var response = await staff.PostPageAsync(Url(staff, idea.Id), values);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(app, staff.Organisation, idea.Id)).OutcomeExplanation.ShouldBe("We put the bench in. Thank you for asking.");
    }

    [DatabaseFact]
    public async Task Post_PublicWordsTooLong_AreRefused()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please");

        using var response = await staff.PostPageAsync(Url(staff, idea.Id), Publishing(new string('x', 1001)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["What we did must be 1,000 characters or fewer"]);
    }
}
