using System.Buffers.Text;
using System.Text;
using AngleSharp.Html.Dom;
using WithUs.Web.Features.Public;

namespace WithUs.Tests.Features.Public;

/// <summary>
/// "You said, we did" a page at a time, newest first (issue 9): "Older" walks to the end showing every outcome once,
/// in order, even where several share a date and whichever date orders them; "Newer" walks back; a link that was
/// tampered with shows the first page.
/// </summary>
public sealed class YouSaidWeDidPagingTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static string Page(TestOrganisation organisation) => $"/p/{organisation.Slug}/you-said-we-did";

    /// <summary>
    /// 61 outcomes, four on each date: most ordered by their outcome's date, every third (an outcome with no date, as
    /// older records have) by the day it was published, one by when it was recorded; and two that are not shown.
    /// Returns the summaries in the order the page should show them.
    /// </summary>
    private async Task<(TestOrganisation Organisation, List<string> Expected)> SeedAsync()
    {
        var organisation = await app.CreateOrganisationAsync();
        var today = DateTime.UtcNow.Date;
        var made = await app.CreateContributionsAsync(organisation, 64, i => $"words {i}", (i, c) =>
        {
            c.IsPublished = i != 62;
            c.PublicSummary = $"Outcome number {i:00}";
            var date = today.AddDays(-(i / 4)).AddHours(9);
            (c.Outcome, c.OutcomeAtUtc, c.PublishedAtUtc) = i switch
            {
                60 => (OutcomeStatus.Done, (DateTime?)null, (DateTime?)null),
                61 => (OutcomeStatus.New, null, date),
                _ when i % 3 == 0 => (OutcomeStatus.Planned, null, date),
                _ => (OutcomeStatus.Done, date, date.AddDays(-30)),
            };
        });
        var expected = made
            .Where(c => c.IsPublished && c.Outcome != OutcomeStatus.New)
            .OrderByDescending(c => c.OutcomeAtUtc ?? c.PublishedAtUtc ?? c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => c.PublicSummary!)
            .ToList();
        return (organisation, expected);
    }

    private static List<string> Shown(IHtmlDocument page) =>
        page.QuerySelectorAll("main .govuk-summary-card .govuk-summary-list__row:first-child .govuk-summary-list__value")
            .Select(d => d.TextContent.Trim())
            .ToList();

    private static string? Link(IHtmlDocument page, string rel) =>
        page.QuerySelector($"main nav.govuk-pagination a[rel={rel}]")?.GetAttribute("href");

    [DatabaseFact]
    public async Task Older_WalksEveryOutcomeOnce_InOrder_AndNewerWalksBack()
    {
        var (organisation, expected) = await SeedAsync();
        using var client = app.CreateClient();

        var pages = new List<List<string>>();
        string? url = Page(organisation);
        IHtmlDocument page = null!;
        while (url is not null)
        {
            page = await client.GetPageAsync(url);
            var shown = Shown(page);
            shown.Count.ShouldBeInRange(1, YouSaidWeDidModel.PageSize);
            (pages.Count == 0).ShouldBe(Link(page, "prev") is null, "only the first page has no Newer link");
            pages.Add(shown);
            url = Link(page, "next");
            pages.Count.ShouldBeLessThan(10, "Older must come to an end");
        }

        pages.SelectMany(p => p).ToList().ShouldBe(expected);
        pages.Count.ShouldBe(3);

        var back = new List<List<string>> { pages[^1] };
        while (Link(page, "prev") is { } newer)
        {
            page = await client.GetPageAsync(newer);
            back.Add(Shown(page));
            back.Count.ShouldBeLessThan(10, "Newer must come to an end");
        }

        back.Reverse();
        back.ShouldBe(pages);
        Link(page, "next").ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task TheLinks_AreGovukPagination_NamedForTheirPages()
    {
        var (organisation, _) = await SeedAsync();
        using var client = app.CreateClient();

        var first = await client.GetPageAsync(Page(organisation));
        var second = await client.GetPageAsync(Link(first, "next")!);

        first.QuerySelector("main nav.govuk-pagination")!.GetAttribute("aria-label").ShouldBe("Pages of what we did");
        first.QuerySelector("main .govuk-pagination__next")!.TextContent.Trim().ShouldBe("Older things we did");
        second.QuerySelector("main .govuk-pagination__prev")!.TextContent.Trim().ShouldBe("Newer things we did");
        Link(first, "next")!.ShouldStartWith(Page(organisation) + "?after=");
        Link(second, "prev")!.ShouldStartWith(Page(organisation) + "?before=");
    }

    public static TheoryData<string> Tampered => new()
    {
        "?after=not-a-key",
        "?before=%25%25%25",
        "?after=" + Base64Url.EncodeToString(Encoding.ASCII.GetBytes("1.99999999999999999999.0123456789abcdef0123456789abcdef")),
        "?after=" + Base64Url.EncodeToString(Encoding.ASCII.GetBytes("1.638000000000000000.not-a-guid")),
        "?before=" + Base64Url.EncodeToString(Encoding.ASCII.GetBytes("2.638000000000000000.0123456789abcdef0123456789abcdef")),
        "?after=" + new string('A', 4000),
        // Well formed, but older than anything: nothing is older, so the first page.
        "?after=" + new PublicIdeaKey(new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc), Guid.Empty).Encode(),
        // Well formed, but newer than anything: less than a page is newer, so the first page.
        "?before=" + new PublicIdeaKey(new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc), Guid.Empty).Encode(),
    };

    [DatabaseTheory]
    [MemberData(nameof(Tampered))]
    public async Task ALinkTamperedWith_ShowsTheFirstPage(string query)
    {
        var (organisation, expected) = await SeedAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(Page(organisation) + query, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadHtmlAsync();
        Shown(page).ShouldBe(expected.Take(YouSaidWeDidModel.PageSize));
        Link(page, "prev").ShouldBeNull();
    }
}
