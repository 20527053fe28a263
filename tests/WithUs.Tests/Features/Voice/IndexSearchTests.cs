namespace WithUs.Tests.Features.Voice;

/// <summary>Searching what people said: every word, in any order, folded as the similarity analyser folds them, best match first.</summary>
public sealed class IndexSearchTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static List<string> RowTexts(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("main .withus-voice-list__link").Select(a => a.TextContent.Trim()).ToList();

    private static string Count(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#voice-count")!.TextContent.Trim();

    [DatabaseFact]
    public async Task Search_FindsEveryWordInAnyOrder_WithPluralsTensesAndAccentsFolded()
    {
        using var staff = await app.SignedInAsync();
        const string cafe = "Could the community café stay open later in the evening?";
        await app.CreateContributionAsync(staff.Organisation, cafe);
        await app.CreateContributionAsync(staff.Organisation, "The cafe does a lovely breakfast");
        await app.CreateContributionAsync(staff.Organisation, "Evening classes for adults");

        foreach (var q in new[] { "cafe evening", "evening cafe", "Cafés EVENINGS", "opened cafe", "community cafe staying open" })
        {
            RowTexts(await staff.Client.GetPageAsync($"{staff.Voice}?q={Uri.EscapeDataString(q)}")).ShouldBe([cafe], customMessage: q);
        }

        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=cafe+breakfast")).ShouldBe(["The cafe does a lovely breakfast"]);
        RowTexts(await staff.Client.GetPageAsync(staff.Voice + "?q=cafe+lunch")).ShouldBeEmpty("every word must be there");
    }

    [DatabaseFact]
    public async Task Search_ShowsTheBestMatchFirst_AndPagesThroughTheRanking()
    {
        using var staff = await app.SignedInAsync();
        var today = DateTime.UtcNow.Date;
        await app.CreateContributionAsync(staff.Organisation, "Evening opening at the cafe, and a cheaper menu with soup and sandwiches", c => c.SaidOnUtc = today);
        await app.CreateContributionAsync(staff.Organisation, "Cafe evenings", c => c.SaidOnUtc = today.AddDays(-30));
        await app.CreateContributionAsync(staff.Organisation, "Could the cafe open in the evening", c => c.SaidOnUtc = today.AddDays(-60));
        for (var i = 0; i < 26; i++)
        {
            var day = i;
            await app.CreateContributionAsync(staff.Organisation, $"On evening {i} the cafe was full of families and their friends", c => c.SaidOnUtc = today.AddDays(-1 - day));
        }

        var first = await staff.Client.GetPageAsync(staff.Voice + "?q=cafe+evening");

        Count(first).ShouldBe("29 things said that match");
        first.QuerySelector("main")!.TextContent.ShouldContain("Best matches first");
        var rows = RowTexts(first);
        rows.Count.ShouldBe(25);
        rows[0].ShouldBe("Cafe evenings", "the words together as typed come first");
        rows[1].ShouldBe("Could the cafe open in the evening", "then the shortest text holding every word, however old");
        var second = await staff.Client.GetPageAsync(first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!);
        RowTexts(second).Count.ShouldBe(4);
        RowTexts(second).Last().ShouldBe("Evening opening at the cafe, and a cheaper menu with soup and sandwiches", "the longest is the weakest match");
        rows.Concat(RowTexts(second)).Distinct().Count().ShouldBe(29, "paging neither repeats nor skips a row");
        var back = await staff.Client.GetPageAsync(second.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!);
        RowTexts(back).ShouldBe(rows, "Previous goes back through the ranking");

        var unsearched = await staff.Client.GetPageAsync(staff.Voice);
        unsearched.QuerySelector("main")!.TextContent.ShouldNotContain("Best matches first");
        RowTexts(unsearched)[0].ShouldStartWith("Evening opening", customMessage: "without a search the newest comes first");
    }

    [DatabaseFact]
    public async Task Search_FindsAWordSaidOnlyInAMeToo()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "Open the cafe later");
        await app.CreateContributionAsync(staff.Organisation, "Me too, and on Sundays as well", c => c.LinkedToId = idea.Id);

        var page = await staff.Client.GetPageAsync(staff.Voice + "?q=sunday");

        RowTexts(page).ShouldBe(["Me too, and on Sundays as well"]);
        page.QuerySelector("main .withus-voice-list__item")!.TextContent.ShouldContain("2 voices, adding to something said earlier");
        Count(page).ShouldBe("1 thing said that matches");
    }

    [DatabaseFact]
    public async Task Search_CopesWithEmptyVeryLongAndOddCharacterQueries()
    {
        using var staff = await app.SignedInAsync();
        await app.CreateContributionAsync(staff.Organisation, "A ramp at the front door");
        await app.CreateContributionAsync(staff.Organisation, "50% off bus fares; it's <b>bold</b> & \"quoted\"");

        var empty = await staff.Client.GetPageAsync(staff.Voice + "?q=+++");
        RowTexts(empty).Count.ShouldBe(2);
        Count(empty).ShouldBe("2 things said");

        var longQuery = string.Join(' ', Enumerable.Repeat("ramp door", 150));
        var longPage = await staff.Client.GetPageAsync($"{staff.Voice}?q={Uri.EscapeDataString(longQuery)}");
        RowTexts(longPage).ShouldBe(["A ramp at the front door"]);
        longPage.FieldValue("q")!.Length.ShouldBe(Web.Features.Voice.IndexModel.SearchMaxLength);

        var manyWords = string.Join(' ', "ramp front door step wheelchair entrance access slope handrail lift".Split(' '));
        RowTexts(await staff.Client.GetPageAsync($"{staff.Voice}?q={Uri.EscapeDataString(manyWords)}")).ShouldBeEmpty();

        foreach (var (q, found) in new (string, string[])[]
        {
            ("<b>", ["50% off bus fares; it's <b>bold</b> & \"quoted\""]),
            ("50%", ["50% off bus fares; it's <b>bold</b> & \"quoted\""]),
            ("\"quoted\" & bold", ["50% off bus fares; it's <b>bold</b> & \"quoted\""]),
            ("it's", ["50% off bus fares; it's <b>bold</b> & \"quoted\""]),
            ("ＲＡＭＰ", ["A ramp at the front door"]),
            ("' OR 1=1 --", []),
            ("%_\\", []),
            ("🙂 ramp", ["A ramp at the front door"]),
        })
        {
            var page = await staff.Client.GetPageAsync($"{staff.Voice}?q={Uri.EscapeDataString(q)}");
            RowTexts(page).ShouldBe(found.ToList(), customMessage: q);
            page.FieldValue("q").ShouldBe(q);
        }
    }
}
