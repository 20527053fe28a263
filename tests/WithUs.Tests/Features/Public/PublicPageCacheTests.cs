using System.Net.Http.Headers;
using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

/// <summary>
/// The public pages that only read (front door, "You said, we did", its feed) come from the output cache until
/// something they show changes; a browser that asks again gets 304; nothing personal or with a form is cached.
/// </summary>
public sealed class PublicPageCacheTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    public static TheoryData<string> Pages => ["", "/you-said-we-did", "/you-said-we-did.atom"];

    [DatabaseTheory]
    [MemberData(nameof(Pages))]
    public async Task SecondRequest_IsServedFromTheCache_WithoutAQuery(string page)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreatePublishedIdeaAsync(organisation, "the words", "Tea in the afternoon", OutcomeStatus.Planned);
        using var client = app.CreateClient();
        var first = await (await client.GetAsync($"/p/{organisation.Slug}{page}")).EnsureSuccessStatusCode().Content.ReadAsStringAsync();

        app.Queries.Reset();
        using var second = await client.GetAsync($"/p/{organisation.Slug}{page}");

        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Queries.Count.ShouldBe(0);
        (await second.Content.ReadAsStringAsync()).ShouldBe(first);
        second.Content.Headers.ContentType!.MediaType.ShouldNotBeNull();
        second.Headers.ETag.ShouldNotBeNull();
    }

    /// <summary>
    /// The pages read no query key but the page keys, so a made-up one (a tracking tag, or a script that adds a new one
    /// to every request) is the same page: it is served from the same entry rather than filling the cache.
    /// </summary>
    [DatabaseTheory]
    [MemberData(nameof(Pages))]
    public async Task AQueryKeyThePageDoesNotRead_IsServedFromTheSameEntry(string page)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreatePublishedIdeaAsync(organisation, "the words", "Tea in the afternoon", OutcomeStatus.Planned);
        using var client = app.CreateClient();
        (await client.GetAsync($"/p/{organisation.Slug}{page}")).EnsureSuccessStatusCode();

        app.Queries.Reset();
        using var tagged = await client.GetAsync($"/p/{organisation.Slug}{page}?utm_source=newsletter&x={Guid.NewGuid():N}");

        tagged.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Queries.Count.ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Publishing_FromTheOutcomePage_EvictsTheCachedPages()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench please, by the bus stop");
        using var visitor = app.CreateClient();
        var youSaid = $"/p/{staff.Organisation.Slug}/you-said-we-did";
        (await visitor.GetStringAsync(youSaid)).ShouldNotContain("A bench by the bus stop");
        (await visitor.GetStringAsync(youSaid + ".atom")).ShouldNotContain("A bench by the bus stop");

        var values = new Dictionary<string, string>
        {
            ["Input.Status"] = nameof(OutcomeStatus.Done),
            ["Input.Explanation"] = "We did it.",
            ["Input.Publish"] = "true",
            ["Input.PublicSummary"] = "A bench by the bus stop",
            ["Input.PublicOutcome"] = "The council put one there.",
        };
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";
        using (var preview = await staff.PostPageAsync(url, values))
        {
            using var saved = await staff.Client.SubmitAsync(await preview.ReadHtmlAsync(), url, values);
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await visitor.GetStringAsync(youSaid)).ShouldContain("A bench by the bus stop");
        (await visitor.GetStringAsync(youSaid + ".atom")).ShouldContain("A bench by the bus stop");
    }

    [DatabaseFact]
    public async Task Unpublishing_AMeToo_AndClosingThePages_EachEvictIt()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "the words", "A book swap shelf");
        using var visitor = app.CreateClient();
        var landing = $"/p/{organisation.Slug}";
        (await visitor.GetStringAsync(landing)).ShouldContain("1 person said this");

        await app.CreateContributionAsync(organisation, "me too", c => c.LinkedToId = idea.Id);
        (await visitor.GetStringAsync(landing)).ShouldContain("2 people said this");

        await app.InOrganisationAsync(organisation, async db =>
        {
            var row = await db.Contributions.SingleAsync(c => c.Id == idea.Id);
            row.IsPublished = false;
            await db.SaveChangesAsync();
        });
        (await visitor.GetStringAsync(landing)).ShouldNotContain("A book swap shelf");

        await app.SetPublicPagesOpenAsync(organisation, open: false);
        (await visitor.GetAsync(landing)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseTheory]
    [MemberData(nameof(Pages))]
    public async Task AskingAgain_WithItsETag_OrItsDate_Gets304(string page)
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreatePublishedIdeaAsync(organisation, "the words", "Tea in the afternoon", OutcomeStatus.Planned);
        using var client = app.CreateClient();
        using var first = await client.GetAsync($"/p/{organisation.Slug}{page}");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();

        using var byETag = new HttpRequestMessage(HttpMethod.Get, $"/p/{organisation.Slug}{page}");
        byETag.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(byETag);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/p/{organisation.Slug}{page}");
        byDate.Headers.IfModifiedSince = lastModified;
        using var notModifiedSince = await client.SendAsync(byDate);
        using var otherETag = new HttpRequestMessage(HttpMethod.Get, $"/p/{organisation.Slug}{page}");
        otherETag.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(otherETag);

        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        notModifiedSince.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task EachPageOfYouSaidWeDid_IsCachedOnItsOwn_AndAPublishEvictsThemAll()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateContributionsAsync(organisation, 30, i => $"words {i}", (i, c) =>
        {
            c.IsPublished = true;
            c.PublicSummary = $"Outcome number {i:00}";
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = c.PublishedAtUtc = DateTime.UtcNow.Date.AddDays(-i);
        });
        using var client = app.CreateClient();
        var firstPage = $"/p/{organisation.Slug}/you-said-we-did";
        using var first = await client.GetAsync(firstPage);
        var older = (await first.ReadHtmlAsync()).QuerySelector("main a[rel=next]")!.GetAttribute("href")!;
        using var second = await client.GetAsync(older);
        var secondBody = await second.Content.ReadAsStringAsync();

        app.Queries.Reset();
        using var secondAgain = await client.GetAsync(older);
        app.Queries.Count.ShouldBe(0, "the older page is cached under its own address");
        (await secondAgain.Content.ReadAsStringAsync()).ShouldBe(secondBody);
        secondBody.ShouldContain("Outcome number 29");
        secondBody.ShouldNotContain("Outcome number 00");
        second.Headers.ETag.ShouldNotBe(first.Headers.ETag);

        await app.CreatePublishedIdeaAsync(organisation, "the words", "A new outcome", OutcomeStatus.Done);
        app.Queries.Reset();
        (await client.GetStringAsync(older)).ShouldContain("Outcome number 29");
        app.Queries.Count.ShouldBeGreaterThan(0, "a publish evicts every page, not only the first");
        (await client.GetStringAsync(firstPage)).ShouldContain("A new outcome");
    }

    [DatabaseFact]
    public async Task AnImport_WhoseRowsAreWrittenInBulk_EvictsIt()
    {
        using var staff = await app.SignedInAsync();
        using var visitor = app.CreateClient();
        var landing = $"/p/{staff.Organisation.Slug}/you-said-we-did";
        (await visitor.GetStringAsync(landing)).ShouldNotContain("A ramp at the side door");

        var batch = await Voice.Import.ImportSteps.ImportAsync(app, staff,
            "What was said,Kind,Outcome,Published,Public summary,Public outcome\r\n"
            + "Could there be a ramp at the side door,Idea,Done,Yes,A ramp at the side door,It was fitted in May\r\n");

        batch.Status.ShouldBe(Web.Features.Voice.Import.ImportStatus.Imported);
        (await visitor.GetStringAsync(landing)).ShouldContain("A ramp at the side door");
    }

    [DatabaseFact]
    public async Task AnETag_IsAnsweredWith304_EvenWhenThePageIsNotInTheCache()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateClient();
        using var first = await client.GetAsync($"/p/{organisation.Slug}");
        await app.EvictPublicPagesAsync(organisation);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/p/{organisation.Slug}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        app.Queries.Reset();
        using var response = await client.SendAsync(request);

        app.Queries.Count.ShouldBeGreaterThan(0, "evicted, the page was made again");
        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [DatabaseFact]
    public async Task ASignedInPerson_OrAVisitorWithACookie_IsNeverServedFromTheCache()
    {
        using var staff = await app.SignedInAsync();
        var landing = $"/p/{staff.Organisation.Slug}";
        using var visitor = app.CreateClient();
        (await visitor.GetAsync(landing)).EnsureSuccessStatusCode();

        app.Queries.Reset();
        var html = await staff.Client.GetStringAsync(landing);
        app.Queries.Count.ShouldBeGreaterThan(0);
        html.ShouldContain("Sign out");

        using var withCookie = new HttpRequestMessage(HttpMethod.Get, landing);
        withCookie.Headers.Add("Cookie", "something=1");
        app.Queries.Reset();
        (await visitor.SendAsync(withCookie)).EnsureSuccessStatusCode();
        app.Queries.Count.ShouldBeGreaterThan(0);
    }

    [DatabaseFact]
    public async Task TheForms_AreNeverCached()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "the words", "Tea in the afternoon");
        using var client = app.CreateClient(new() { HandleCookies = false });
        foreach (var form in new[] { Say(organisation), Idea(organisation, idea.Id) })
        {
            (await client.GetAsync(form)).EnsureSuccessStatusCode();
            app.Queries.Reset();
            using var again = await client.GetAsync(form);
            again.EnsureSuccessStatusCode();
            app.Queries.Count.ShouldBeGreaterThan(0, form);
            again.Headers.ETag.ShouldBeNull(form);
        }
    }
}
