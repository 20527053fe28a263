using System.Net;
using WithUs.Tests.Harness;
using WithUs.Web.Features.Voice;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Tests.Features.Voice.Outcomes;

public abstract class OutcomeTests(WithUsFactory app)
{
    private Task<Contribution> ReadAsync(TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Post_NotPossibleWithReasonAndPublished_IsSavedAuditedAndRedirectsToTheContribution()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A swimming pool on the roof");
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";

        using var response = await staff.PostPageAsync(url, new()
        {
            ["Input.Status"] = "NotPossible",
            ["Input.Reason"] = "NonNegotiableBoundary",
            ["Input.Explanation"] = "The building cannot take the weight.",
            ["Input.Publish"] = "true",
            ["Input.PublicSummary"] = "Someone asked for a roof pool; the building cannot take it.",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}");
        var saved = await ReadAsync(staff.Organisation, idea.Id);
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

    [Fact]
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
        (await ReadAsync(staff.Organisation, idea.Id)).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [Fact]
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
            "Write a short summary to publish, or untick publish",
        ]);
        (await ReadAsync(staff.Organisation, idea.Id)).IsPublished.ShouldBeFalse();
    }

    [Fact]
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
        (await ReadAsync(staff.Organisation, idea.Id)).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [Fact]
    public async Task Get_OnAMeToo_RedirectsToItsIdea()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A community fridge");
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/{meToo.Id}/outcome", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{staff.Org}/voice/{idea.Id}/outcome");
    }

    [Fact]
    public async Task Told_ByPhone_RecordsWhenHowAndTheOutcomeTold()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var idea = await app.CreateContributionAsync(staff.Organisation, "Cheaper bus fares", c =>
        {
            c.PersonId = person.Id;
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-2);
        });
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
        var saved = await ReadAsync(staff.Organisation, idea.Id);
        saved.ToldHow.ShouldBe(TellingMethod.Phone);
        saved.ToldOutcome.ShouldBe(OutcomeStatus.Planned);
        saved.ToldAtUtc.ShouldNotBeNull();
        saved.ToldNote.ShouldBe("Pleased");
    }

    [Fact]
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
        (await ReadAsync(staff.Organisation, idea.Id)).ToldAtUtc.ShouldBeNull();
    }

    [Fact]
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
        (await ReadAsync(staff.Organisation, idea.Id)).ToldAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task Told_EveryoneWhoAddedTheirVoice_MarksTheMeToosWithAPerson()
    {
        using var staff = await app.SignedInAsync();
        var first = await app.CreatePersonAsync(staff.Organisation);
        var second = await app.CreatePersonAsync(staff.Organisation);
        var idea = await app.CreateContributionAsync(staff.Organisation, "A repair café", c =>
        {
            c.PersonId = first.Id;
            c.Outcome = OutcomeStatus.BeingConsidered;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
        });
        var meToo = await app.CreateContributionAsync(staff.Organisation, "Yes please", c => { c.LinkedToId = idea.Id; c.PersonId = second.Id; });
        var anonymous = await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);

        using var response = await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/told", new()
        {
            ["Input.How"] = "AtAMeeting",
            ["Input.TellEveryone"] = "true",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ReadAsync(staff.Organisation, meToo.Id)).ToldOutcome.ShouldBe(OutcomeStatus.BeingConsidered);
        (await ReadAsync(staff.Organisation, anonymous.Id)).ToldAtUtc.ShouldBeNull();
    }

    [Fact]
    public async Task Owed_ListsUntoldOutcomes_ToldClearsThem_AndChangingTheOutcomeAddsThemBack()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Owed Olive");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Owed idea about allotments", c =>
        {
            c.PersonId = person.Id;
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
        });
        await app.CreateContributionAsync(staff.Organisation, "Anonymous idea with an outcome", c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = DateTime.UtcNow;
        });
        var owedUrl = $"{staff.Org}/voice/owed";

        var before = await staff.Client.GetPageAsync(owedUrl);
        var firstSection = before.QuerySelectorAll("main table")[0];
        firstSection.TextContent.ShouldContain("Owed Olive");
        firstSection.TextContent.ShouldNotContain("Anonymous idea with an outcome");
        before.QuerySelector("main")!.TextContent.ShouldContain("1 anonymous contribution has an outcome but is left out");
        firstSection.QuerySelector($"a[href='{staff.Org}/voice/{idea.Id}/told']").ShouldNotBeNull();

        (await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/told", new() { ["Input.How"] = "Phone" })).Dispose();
        var after = await staff.Client.GetPageAsync(owedUrl);
        after.QuerySelector("main")!.TextContent.ShouldNotContain("Owed Olive");

        (await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/outcome", new()
        {
            ["Input.Status"] = "Done",
            ["Input.Explanation"] = "The allotments are open.",
        })).Dispose();
        var changed = await staff.Client.GetPageAsync(owedUrl);
        changed.QuerySelector("main")!.TextContent.ShouldContain("Owed Olive");
        changed.QuerySelector("main")!.TextContent.ShouldContain("The outcome changed after they were told");
    }

    [Fact]
    public async Task Owed_ListsIdeasWithNoOutcomeOlderThanTheResponseWindow()
    {
        using var staff = await app.SignedInAsync();
        var old = await app.CreateContributionAsync(staff.Organisation, "Old idea waiting for an answer",
            c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-29));
        await app.CreateContributionAsync(staff.Organisation, "Recent idea still in time",
            c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-27));

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");

        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("No outcome after 28 days (1)");
        text.ShouldContain("Old idea waiting for an answer");
        text.ShouldNotContain("Recent idea still in time");
        page.QuerySelector($"a[href='{staff.Org}/voice/{old.Id}/outcome']").ShouldNotBeNull();
    }

    [Fact]
    public async Task OwedPage_QueryCount_DoesNotGrowWithRows()
    {
        async Task<int> QueriesAsync(int rows)
        {
            using var staff = await app.SignedInAsync();
            for (var i = 0; i < rows; i++)
            {
                var person = await app.CreatePersonAsync(staff.Organisation);
                await app.CreateContributionAsync(staff.Organisation, $"Idea number {i}", c =>
                {
                    c.PersonId = person.Id;
                    c.Outcome = OutcomeStatus.Done;
                    c.OutcomeAtUtc = DateTime.UtcNow;
                });
                await app.CreateContributionAsync(staff.Organisation, $"Old idea {i}", c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-60));
            }

            var url = $"{staff.Org}/voice/owed";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("main tbody tr").Length.ShouldBe(rows * 2);
            return app.Queries.Count;
        }

        var few = await QueriesAsync(2);
        var many = await QueriesAsync(12);

        many.ShouldBe(few);
    }

    [Theory]
    [InlineData("outcome")]
    [InlineData("told")]
    public async Task ActionPages_ForAPartner_AreRefused(string action)
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);
        var idea = await app.CreateContributionAsync(partner.Organisation, "Partner cannot decide this");

        using var response = await partner.Client.GetAsync(new Uri($"{partner.Org}/voice/{idea.Id}/{action}", UriKind.Relative));

        response.ShouldBeRefused();
    }

    [Fact]
    public async Task OwedPage_ForAPartner_IsRefused()
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);

        using var response = await partner.Client.GetAsync(new Uri($"{partner.Org}/voice/owed", UriKind.Relative));

        response.ShouldBeRefused();
    }

    public sealed class OnSqlite(SqliteWithUsFactory app) : OutcomeTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : OutcomeTests(app), IClassFixture<PostgresWithUsFactory>;
}
