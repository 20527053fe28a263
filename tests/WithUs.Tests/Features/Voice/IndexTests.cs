using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.Voice;

/// <summary>Staff browse what people said: search, filters, paging, and one contribution's page.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static List<string> RowTexts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main .withus-voice-list__link").Select(a => a.TextContent.Trim()).ToList();

    [DatabaseFact]
    public async Task List_ShowsNewestFirst_WithWhoKindChannelVoicesAndOutcome()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Priya Shah");
        var older = await app.CreateContributionAsync(staff.Organisation, "Older idea about benches", c =>
        {
            c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-10);
            c.Outcome = OutcomeStatus.Done;
        });
        await app.CreateContributionAsync(staff.Organisation, "Benches please", c =>
        {
            c.LinkedToId = older.Id;
            c.PersonId = person.Id;
            c.Channel = Channel.Phone;
            c.Kind = ContributionKind.Need;
        });

        var page = await staff.Client.GetPageAsync(staff.Voice);

        RowTexts(page).ShouldBe(["Benches please", "Older idea about benches"]);
        var first = page.QuerySelectorAll("main .withus-voice-list__item")[0].TextContent;
        first.ShouldContain("Priya Shah");
        first.ShouldContain("Need");
        first.ShouldContain("Phone");
        first.ShouldContain("Done", customMessage: "a voice shows its idea's outcome");
        first.ShouldContain("2 voices");
        page.QuerySelectorAll("main .withus-voice-list__item")[1].TextContent.ShouldContain("Anonymous");
        page.QuerySelector($"main a.govuk-button[href='{staff.New}']")!.TextContent.ShouldBe("Record what someone said");
    }

    [DatabaseFact]
    public async Task List_SearchesTheWordsIgnoringCase_AndFiltersByKindOutcomeAndTheme()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Outdoors");
        var park = await app.CreateContributionAsync(staff.Organisation, "More bins in the PARK", c => c.Kind = ContributionKind.Concern);
        await app.AddThemeAsync(staff.Organisation, park.Id, theme.Id);
        await app.CreateContributionAsync(staff.Organisation, "Park run on Sundays", c => c.Outcome = OutcomeStatus.Planned);
        await app.CreateContributionAsync(staff.Organisation, "100% of us want 50_50 tickets");
        var elsewhere = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(elsewhere, "A park for another organisation");

        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=park")).Order().ShouldBe(["More bins in the PARK", "Park run on Sundays"]);
        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=100%25")).ShouldBe(["100% of us want 50_50 tickets"]);
        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=0_5")).ShouldBe(["100% of us want 50_50 tickets"]);
        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=park&kind=Concern")).ShouldBe(["More bins in the PARK"]);
        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?outcome=Planned")).ShouldBe(["Park run on Sundays"]);
        RowTexts(await staff.Client.GetPageAsync($"{staff.Voice}?theme={theme.Id}")).ShouldBe(["More bins in the PARK"]);
        var none = await staff.Client.GetPageAsync(staff.Voice + "?q=nothing+like+this&kind=Nonsense&outcome=99");
        RowTexts(none).ShouldBeEmpty();
        none.QuerySelector("main")!.TextContent.ShouldContain("Nothing matches");
        none.FieldValue("q").ShouldBe("nothing like this");
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsTheme_ListsNothing_ItsPageIsNotFound_AndItsVoicesNeverBuildUpHere()
    {
        // The list takes a theme's size and total from the theme's kept count, and building up is kept in memory per
        // organisation: neither may reach across.
        using var staff = await app.SignedInAsync();
        using var other = await app.SignedInAsync();
        var theirs = await app.CreateThemeAsync(other.Organisation, "Their theme");
        var idea = await app.CreateContributionAsync(other.Organisation, "Their idea: a bike shed");
        await app.AddThemeAsync(other.Organisation, idea.Id, theirs.Id);
        for (var i = 0; i < 5; i++)
        {
            await app.CreateContributionAsync(other.Organisation, "Me too", c => c.LinkedToId = idea.Id);
        }

        (await other.Client.GetPageAsync(other.Org)).QuerySelector("main")!.TextContent.ShouldContain("Their idea: a bike shed");

        var listed = await staff.Client.GetPageAsync($"{staff.Voice}?theme={theirs.Id}");
        RowTexts(listed).ShouldBeEmpty();
        listed.QuerySelector("main")!.TextContent.ShouldNotContain("bike shed");
        using (var page = await staff.Client.GetAsync(new Uri($"{staff.Org}/themes/{theirs.Id}", UriKind.Relative)))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var home = (await staff.Client.GetPageAsync(staff.Org)).QuerySelector("main")!.TextContent;
        home.ShouldNotContain("bike shed");
        home.ShouldNotContain("Their theme");
        (await staff.Client.GetPageAsync($"{staff.Org}/themes")).QuerySelector("main")!.TextContent.ShouldNotContain("Their theme");
    }

    [DatabaseFact]
    public async Task List_PagesThroughTwentyFiveAtATime_KeepingTheSearch()
    {
        using var staff = await app.SignedInAsync();
        for (var i = 1; i <= 27; i++)
        {
            var day = i;
            await app.CreateContributionAsync(staff.Organisation, $"Numbered idea {i:D2}", c => c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(day - 30));
        }

        await app.CreateContributionAsync(staff.Organisation, "Not matching the search");

        var first = await staff.Client.GetPageAsync(staff.Voice + "?q=numbered");
        RowTexts(first).Count.ShouldBe(25);
        RowTexts(first)[0].ShouldBe("Numbered idea 27");
        first.QuerySelector("#voice-count")!.TextContent.ShouldContain("27 things said that match");
        first.QuerySelector(".govuk-pagination__prev").ShouldBeNull("the first page has no previous page");
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        next.ShouldStartWith($"{staff.Voice}?q=numbered&after=");
        var second = await staff.Client.GetPageAsync(next);
        RowTexts(second).ShouldBe(["Numbered idea 02", "Numbered idea 01"]);
        second.QuerySelector("#voice-count")!.TextContent.ShouldContain("27 things said that match");
        second.QuerySelector(".govuk-pagination__next").ShouldBeNull("the last page has no next page");
        var back = await staff.Client.GetPageAsync(second.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!);
        RowTexts(back).ShouldBe(RowTexts(first), "Previous goes back to the same rows");
        back.QuerySelector(".govuk-pagination__prev").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task List_PagesForwardAndBack_ThroughRowsSaidOnTheSameDay()
    {
        using var staff = await app.SignedInAsync();
        var today = DateTime.UtcNow.Date;
        await app.CreateContributionsAsync(staff.Organisation, 60, i => $"Row {i:D2}", (_, c) => c.SaidOnUtc = today);
        await app.CreateContributionsAsync(staff.Organisation, 5, i => $"Earlier row {i}", (_, c) => c.SaidOnUtc = today.AddDays(-1));

        var pages = new List<List<string>> { RowTexts(await staff.Client.GetPageAsync(staff.Voice)) };
        var page = await staff.Client.GetPageAsync(staff.Voice);
        while (page.QuerySelector(".govuk-pagination__next a") is { } next)
        {
            page = await staff.Client.GetPageAsync(next.GetAttribute("href")!);
            pages.Add(RowTexts(page));
        }

        pages.Select(p => p.Count).ShouldBe([25, 25, 15]);
        pages.SelectMany(p => p).Distinct().Count().ShouldBe(65, "paging neither repeats nor skips a row");
        pages[^1].TakeLast(5).ShouldAllBe(text => text.StartsWith("Earlier", StringComparison.Ordinal));
        for (var i = pages.Count - 2; i >= 0; i--)
        {
            page = await staff.Client.GetPageAsync(page.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!);
            RowTexts(page).ShouldBe(pages[i], $"back to page {i + 1}");
        }

        page.QuerySelector(".govuk-pagination__prev").ShouldBeNull();
    }

    [DatabaseTheory]
    [InlineData("after=not-a-key")]
    [InlineData("before=%F0%9F%99%82")]
    [InlineData("after=MS4wLjAuOTk5OTk5OTk5OTk5OTk5OTk5OTk5LjAuMDAwMDAwMDA")]
    [InlineData("after=MS4xLjMuMC4wLmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZmZm&before=x")]
    [InlineData("page=3")]
    public async Task List_WithATamperedOrOldPageLink_ShowsTheFirstPage(string link)
    {
        using var staff = await app.SignedInAsync();
        await app.CreateContributionAsync(staff.Organisation, "Newest", c => c.SaidOnUtc = DateTime.UtcNow.Date);
        await app.CreateContributionAsync(staff.Organisation, "Oldest", c => c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-9));

        var page = await staff.Client.GetPageAsync($"{staff.Voice}?{link}");

        RowTexts(page).ShouldBe(["Newest", "Oldest"]);
    }

    [DatabaseFact]
    public async Task ContributionPage_ShowsWhoThemesOutcomeToldVoicesAndInterest()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Grace Obi");
        var keen = await app.CreatePersonAsync(staff.Organisation, "Keen Kofi");
        var theme = await app.CreateThemeAsync(staff.Organisation, "Sport");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Netball on Tuesdays", c =>
        {
            c.PersonId = person.Id;
            c.Outcome = OutcomeStatus.NotPossible;
            c.NotPossibleReason = NotPossibleReason.NotAffordableNow;
            c.OutcomeExplanation = "The hall costs too much this year.";
            c.ToldAtUtc = DateTime.UtcNow.AddDays(-1);
            c.ToldHow = TellingMethod.Phone;
            c.ToldOutcome = OutcomeStatus.BeingConsidered;
            c.RecordedByUserId = staff.User.Id;
        });
        await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);
        var voice = await app.CreateContributionAsync(staff.Organisation, "Netball please", c => c.LinkedToId = idea.Id);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = keen.Id, ContributionId = idea.Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var url = $"{staff.Voice}/{idea.Id}";

        var page = await staff.Client.GetPageAsync(url);

        var main = page.QuerySelector("main")!.TextContent;
        page.QuerySelector("h1")!.TextContent.ShouldBe("What Grace Obi said");
        page.QuerySelector(".withus-said")!.TextContent.ShouldBe("Netball on Tuesdays");
        page.QuerySelector($"main a[href='/o/{staff.Organisation.Slug}/people/{person.Id}']")!.TextContent.ShouldBe("Grace Obi");
        main.ShouldContain("Sport");
        page.QuerySelector("main .govuk-tag")!.TextContent.ShouldBe("Not possible");
        main.ShouldContain("Not affordable now");
        main.ShouldContain("The hall costs too much this year.");
        main.ShouldContain("they are owed a reply");
        main.ShouldContain("Recorded by staff (Test ");
        main.ShouldContain("Not published");
        page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Voices (2)");
        page.QuerySelector($".withus-voices a[href='{staff.Voice}/{voice.Id}']")!.TextContent.ShouldContain("Anonymous");
        main.ShouldContain("Keen Kofi");
        main.ShouldContain("would take part");
        foreach (var action in new[] { "/outcome", "/told", "/themes", "/interest", "/reach-back" })
        {
            page.QuerySelector($"main a[href='{url}{action}']").ShouldNotBeNull(action);
        }
    }

    [DatabaseFact]
    public async Task ContributionPage_OfAnotherOrganisation_IsNotFound()
    {
        using var staff = await app.SignedInAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        var theirs = await app.CreateContributionAsync(elsewhere, "Not yours");

        using var response = await staff.Client.GetAsync(new Uri($"{staff.Voice}/{theirs.Id}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Not yours");
    }
}
