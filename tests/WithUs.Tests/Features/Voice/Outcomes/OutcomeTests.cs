using static WithUs.Tests.Features.Voice.Outcomes.OutcomeSteps;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>Voice/Outcomes/Outcome: staff decide what happens to an idea and may publish why.</summary>
public sealed class OutcomeTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Post_NotPossibleWithReasonAndPublished_IsSavedAuditedAndRedirectsToTheContribution()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A swimming pool on the roof");
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";

        var values = new Dictionary<string, string>
        {
            ["Input.Status"] = "NotPossible",
            ["Input.Reason"] = "NonNegotiableBoundary",
            ["Input.Explanation"] = "The building cannot take the weight.",
            ["Input.Publish"] = "true",
            ["Input.PublicSummary"] = "Someone asked for a roof pool; the building cannot take it.",
        };
        using var check = await staff.PostPageAsync(url, values);
        using var response = await staff.Client.SubmitAsync(await check.ReadHtmlAsync(), url, values);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}");
        var saved = await ReadAsync(app, staff.Organisation, idea.Id);
        saved.Outcome.ShouldBe(OutcomeStatus.NotPossible);
        saved.NotPossibleReason.ShouldBe(NotPossibleReason.NonNegotiableBoundary);
        saved.OutcomeExplanation.ShouldBe("The building cannot take the weight.");
        saved.OutcomeAtUtc.ShouldNotBeNull();
        saved.IsPublished.ShouldBeTrue();
        saved.PublishedAtUtc.ShouldNotBeNull();
        saved.PublicSummary.ShouldBe("Someone asked for a roof pool; the building cannot take it.");
        (await app.AuditEntriesAsync("OutcomeRecorded")).ShouldContain(e =>
            e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id && e.Details!.Contains("Not possible"));
    }

    [DatabaseFact]
    public async Task Post_NotPossibleWithoutAReason_Answers400KeepsInputAndChangesNothing()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Free parking for everyone");
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";

        using var response = await staff.PostPageAsync(url, new()
        {
            ["Input.Status"] = "NotPossible",
            ["Input.Explanation"] = "<script>alert(1)</script>",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["Choose why it is not possible"]);
        page.QuerySelector("textarea[name='Input.Explanation']")!.TextContent.ShouldBe("<script>alert(1)</script>");
        page.QuerySelector("input[name='Input.Status'][value='NotPossible']")!.HasAttribute("checked").ShouldBeTrue();
        (await ReadAsync(app, staff.Organisation, idea.Id)).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [DatabaseFact]
    public async Task Post_WithoutExplanationOrPublicSummary_ShowsBothErrors()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Longer opening hours");

        using var response = await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/outcome", new()
        {
            ["Input.Status"] = "Planned",
            ["Input.Publish"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([
            "Explain the outcome in plain words, as you would tell them",
            "Write what people asked for, for the public, or untick publish",
        ]);
        (await ReadAsync(app, staff.Organisation, idea.Id)).IsPublished.ShouldBeFalse();
    }

    [DatabaseFact]
    public async Task Post_WithAnEnormousExplanation_IsRefused()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "More benches");

        using var response = await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/outcome", new()
        {
            ["Input.Status"] = "Done",
            ["Input.Explanation"] = new string('x', 2001),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["The explanation must be 2000 characters or fewer"]);
        (await ReadAsync(app, staff.Organisation, idea.Id)).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [DatabaseFact]
    public async Task Get_OnAMeToo_RedirectsToItsIdea()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A community fridge");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/{meToo.Id}/outcome", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}/outcome");
    }

    [DatabaseTheory]
    [InlineData("outcome")]
    [InlineData("told")]
    public async Task ActionPages_ForAPartner_AreRefused(string action)
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);
        var idea = await app.CreateContributionAsync(partner.Organisation, "Partner cannot decide this");

        using var response = await partner.Client.GetAsync(new Uri($"{partner.Org}/voice/{idea.Id}/{action}", UriKind.Relative));

        response.ShouldBeRefused();
    }
}
