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
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bike shed", c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
        });
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
    public async Task Told_EveryoneWhoAddedTheirVoice_MarksTheMeToosWithAPerson()
    {
        using var staff = await app.SignedInAsync();
        var first = await app.CreatePersonAsync(staff.Organisation);
        var second = await app.CreatePersonAsync(staff.Organisation);
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A repair café", OutcomeStatus.BeingConsidered, DateTime.UtcNow.AddDays(-1), first);
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Yes please", c => { c.LinkedToId = idea.Id; c.PersonId = second.Id; });
        var anonymous = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);

        using var response = await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/told", new()
        {
            ["Input.How"] = "AtAMeeting",
            ["Input.TellEveryone"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(app, staff.Organisation, meToo.Id)).ToldOutcome.ShouldBe(OutcomeStatus.BeingConsidered);
        (await ReadAsync(app, staff.Organisation, anonymous.Id)).ToldAtUtc.ShouldBeNull();
    }
}
