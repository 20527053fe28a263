using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

/// <summary>The public forms keep bots out without any outside service: a honeypot, a sealed form time, a rate limit.</summary>
public sealed class SpamProtectionTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private async Task NothingSavedAsync(TestOrganisation organisation, int contributions = 0)
    {
        (await app.ContributionsAsync(organisation)).Count.ShouldBe(contributions);
        (await app.PeopleAsync(organisation)).ShouldBeEmpty();
    }

    [DatabaseFact]
    public async Task Say_HoneypotFilled_LooksLikeAnyThankYou_ButNothingIsSaved()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        var values = PublicPages.SayValues("Buy cheap watches", new Dictionary<string, string>
        {
            ["Website"] = "https://spam.example",
            ["Input.Contact.WantsToHear"] = "true",
            ["Input.Contact.Name"] = "Spammer",
            ["Input.Contact.ContactBy"] = "Email",
            ["Input.Contact.Email"] = "spam@example.org",
        });

        using var response = await client.FillInAsync(app, Say(organisation), values);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/p/{organisation.Slug}/thanks");
        await NothingSavedAsync(organisation);
    }

    [DatabaseFact]
    public async Task Say_HoneypotFilledEvenWithBadAnswers_IsStillThankedAndNothingSaved()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation),
            PublicPages.SayValues("", new Dictionary<string, string> { ["Website"] = "x", ["Input.Consent"] = "false" }), TimeSpan.Zero);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "a bot learns nothing from the answer");
        await NothingSavedAsync(organisation);
    }

    [DatabaseFact]
    public async Task MeToo_HoneypotFilled_IsThankedButAddsNoVoice()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original", "A summary");
        using var client = app.CreateBrowser();
        var url = Idea(organisation, idea.Id);

        using var response = await client.FillInAsync(app, url, PublicPages.MeTooValues("me too", new Dictionary<string, string> { ["Website"] = "x" }));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"/p/{organisation.Slug}/thanks");
        await NothingSavedAsync(organisation, contributions: 1);
    }

    [DatabaseFact]
    public async Task Say_SentWithinSeconds_IsRefusedWithAPlainMessage_ThenWorksWhenSentAgain()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var tooQuick = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("Quick one"), TimeSpan.FromSeconds(1));

        tooQuick.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await tooQuick.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["That was very quick. Please check what you wrote, then send it again"]);
        page.QuerySelector("textarea[name='Input.Text']")!.TextContent.ShouldBe("Quick one");
        await NothingSavedAsync(organisation);

        app.Clock.Advance(PublicPages.ThinkingTime);
        using var again = await client.SubmitAsync(page, Say(organisation), PublicPages.SayValues("Quick one"));
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem().Text.ShouldBe("Quick one");
    }

    [DatabaseFact]
    public async Task Say_SentWithinSecondsWithAMistake_ShowsOnlyTheMistake()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation),
            PublicPages.SayValues("", new Dictionary<string, string> { ["Input.Consent"] = "false" }), TimeSpan.FromSeconds(1));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([
            "Tell us your idea or what you think",
            "Tick the box to say it is OK for us to keep what you tell us",
        ]);
        await NothingSavedAsync(organisation);
    }

    [DatabaseFact]
    public async Task MeToo_SentWithinSecondsWithAMistake_ShowsOnlyTheMistake()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original", "A summary");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, $"/p/{organisation.Slug}/ideas/{idea.Id}",
            PublicPages.MeTooValues(new string('x', 4001)), TimeSpan.Zero);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["What you add must be 4,000 characters or fewer. Try making it shorter"]);
        await NothingSavedAsync(organisation, contributions: 1);
    }

    [DatabaseFact]
    public async Task Say_FormOpenForMoreThanADay_IsRefused()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation), PublicPages.SayValues("Old form"), TimeSpan.FromHours(25));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary()
            .ShouldBe(["This page was open for a long time. Please check what you wrote, then send it again"]);
        await NothingSavedAsync(organisation);
    }

    [DatabaseTheory]
    [InlineData("")]
    [InlineData("not-a-sealed-time")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Say_FormTimeMissingOrTampered_IsRefused(string issued)
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Say(organisation),
            PublicPages.SayValues("Tampered", new Dictionary<string, string> { ["FormIssued"] = issued }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary()
            .ShouldBe(["Something went wrong with the form. Please check what you wrote, then send it again"]);
        await NothingSavedAsync(organisation);
    }

    [DatabaseFact]
    public async Task Say_FormTimeIssuedForAnotherOrganisation_IsRefused()
    {
        var organisation = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();
        var othersForm = await client.GetPageAsync(Say(other));
        var othersTime = othersForm.FieldValue("FormIssued")!;

        using var response = await client.FillInAsync(app, Say(organisation),
            PublicPages.SayValues("Borrowed time", new Dictionary<string, string> { ["FormIssued"] = othersTime }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await NothingSavedAsync(organisation);
        await NothingSavedAsync(other);
    }

    [DatabaseFact]
    public async Task MeToo_SentWithinSeconds_IsRefused()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original", "A summary");
        using var client = app.CreateBrowser();

        using var response = await client.FillInAsync(app, Idea(organisation, idea.Id), PublicPages.MeTooValues(), TimeSpan.Zero);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await NothingSavedAsync(organisation, contributions: 1);
    }

    [DatabaseFact]
    public async Task PublicForms_OverTheRateLimit_Answer429AndSaveNothingMore()
    {
        await using var limited = app.Fresh(new Dictionary<string, string?>
        {
            ["RateLimits:PublicFormPerMinute"] = "2",
            ["PublicForms:MinimumSeconds"] = "0",
        });
        var organisation = await limited.CreateOrganisationAsync();
        var idea = await limited.CreatePublishedIdeaAsync(organisation, "original", "A summary");
        using var client = limited.CreateBrowser();
        var say = Say(organisation);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            var form = await client.GetPageAsync(say);
            using var sent = await client.SubmitAsync(form, say, PublicPages.SayValues($"Idea number {i}"));
            statuses.Add(sent.StatusCode);
        }

        var sayForm = await client.GetPageAsync(say);
        using var overTheLimit = await client.SubmitAsync(sayForm, say, PublicPages.SayValues("One too many"));
        var ideaUrl = Idea(organisation, idea.Id);
        var meTooForm = await client.GetPageAsync(ideaUrl);
        using var meTooOverTheLimit = await client.SubmitAsync(meTooForm, ideaUrl, PublicPages.MeTooValues("me too"));

        statuses.ShouldAllBe(s => s == HttpStatusCode.Redirect);
        overTheLimit.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        overTheLimit.Headers.Contains("Retry-After").ShouldBeTrue();
        meTooOverTheLimit.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "one limit for every public form");
        var saved = await limited.ContributionsAsync(organisation);
        saved.Select(c => c.Text).ShouldBe(["original", "Idea number 0", "Idea number 1"], ignoreOrder: true);
        saved.ShouldAllBe(c => c.Source != ContributionSource.PublicForm || c.LinkedToId == null);
    }
}
