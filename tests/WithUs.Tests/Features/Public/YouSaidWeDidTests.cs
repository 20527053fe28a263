using System.Xml.Linq;
using WithUs.Web.Features.Public;

namespace WithUs.Tests.Features.Public;

/// <summary>"You said, we did" and its Atom feed: what staff published, by theme, with counts, never a name.</summary>
public sealed class YouSaidWeDidTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static string Page(TestOrganisation organisation) => $"/p/{organisation.Slug}/you-said-we-did";

    private static string Feed(TestOrganisation organisation) => $"/p/{organisation.Slug}/you-said-we-did.atom";

    private sealed record Seeded(TestOrganisation Organisation, Contribution Done, Contribution Planned, Contribution Unthemed,
        Contribution New, Contribution Unpublished);

    private const string PersonName = "Philippa Quennell-Abernathy";
    private const string OriginalWords = "my son Jake who lives on Rowan Street says";

    private async Task<Seeded> SeedAsync()
    {
        var organisation = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(organisation, name: PersonName);
        var food = await app.CreateThemeAsync(organisation, "Food");
        var transport = await app.CreateThemeAsync(organisation, "Getting here");
        var done = await app.CreatePublishedIdeaAsync(organisation, OriginalWords + " hot lunches", "Hot lunches on Fridays",
            OutcomeStatus.Done, c =>
            {
                c.PersonId = person.Id;
                c.OutcomeExplanation = "Philippa, your idea worked: see you at lunch on Friday.";
                c.PublicOutcome = "Lunch is now served every Friday from 12.";
            });
        await app.AddThemeAsync(organisation, done.Id, food.Id);
        var secondPerson = await app.CreatePersonAsync(organisation);
        await app.CreateContributionAsync(organisation, "me too " + OriginalWords, c =>
        {
            c.LinkedToId = done.Id;
            c.PersonId = secondPerson.Id;
        });
        await app.CreateContributionAsync(organisation, "yes please", c => c.LinkedToId = done.Id);
        await app.CreateContributionAsync(organisation, "again, same person", c =>
        {
            c.LinkedToId = done.Id;
            c.PersonId = person.Id;
        });

        var planned = await app.CreatePublishedIdeaAsync(organisation, OriginalWords + " minibus", "A minibus from the station",
            OutcomeStatus.Planned);
        await app.AddThemeAsync(organisation, planned.Id, transport.Id);
        await app.AddThemeAsync(organisation, planned.Id, food.Id);
        var unthemed = await app.CreatePublishedIdeaAsync(organisation, OriginalWords + " chairs", "Softer chairs",
            OutcomeStatus.NotPossible, c => c.NotPossibleReason = Web.Features.Voice.NotPossibleReason.SomeoneElsesResponsibility);
        var fresh = await app.CreatePublishedIdeaAsync(organisation, OriginalWords + " garden", "A garden", OutcomeStatus.New);
        var unpublished = await app.CreateContributionAsync(organisation, OriginalWords + " secret", c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.PublicSummary = "Not published yet";
        });
        return new Seeded(organisation, done, planned, unthemed, fresh, unpublished);
    }

    [DatabaseFact]
    public async Task YouSaidWeDid_ShowsPublishedOutcomesByTheme_WithVoicesAndPlainWords()
    {
        var seeded = await SeedAsync();
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync(Page(seeded.Organisation));

        page.QuerySelector("h1")!.TextContent.ShouldBe("You said, we did");
        page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldBe(["Food", "Getting here", "Other things you told us"]);
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("Hot lunches on Fridays");
        main.ShouldContain("We did it.");
        main.ShouldContain("Lunch is now served every Friday from 12.");
        main.ShouldContain("3 people said this", Case.Sensitive, "the first person, another, and one anonymous: the same person twice counts once");
        main.ShouldContain("We are going to do it.");
        main.ShouldContain("We cannot do this.");
        main.ShouldContain("Someone else is in charge of this.");
        main.ShouldContain("1 person said this");
        main.ShouldNotContain("A garden", Case.Sensitive, "nothing has happened to it yet");
        main.ShouldNotContain("Not published yet");
        var food = page.QuerySelectorAll("main h2").First(h => h.TextContent == "Food");
        food.ShouldNotBeNull();
        page.QuerySelectorAll("main .govuk-summary-card").Length.ShouldBe(4, "the minibus idea is under both its themes");
    }

    [DatabaseFact]
    public async Task YouSaidWeDid_InvitesMeTooOnlyOnIdeasNotYetDone()
    {
        var seeded = await SeedAsync();
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync(Page(seeded.Organisation));

        string Link(Contribution idea) => $"main a[href='/p/{seeded.Organisation.Slug}/ideas/{idea.Id}']";
        page.QuerySelector(Link(seeded.Done)).ShouldBeNull("it is done: there is nothing left to add a voice to");
        page.QuerySelector(Link(seeded.Planned))!.TextContent.ShouldStartWith("Say \"me too\"");
        page.QuerySelector(Link(seeded.Unthemed)).ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task YouSaidWeDid_AndItsFeed_NeverShowTheOriginalWordsOrAnyName()
    {
        var seeded = await SeedAsync();
        using var client = app.CreateBrowser();

        var html = await client.BodyAsync(Page(seeded.Organisation));
        var feed = await client.BodyAsync(Feed(seeded.Organisation));
        var landing = await client.BodyAsync($"/p/{seeded.Organisation.Slug}");

        foreach (var body in new[] { html, feed, landing })
        {
            body.ShouldNotContain("Rowan Street");
            body.ShouldNotContain("Jake");
            body.ShouldNotContain("Quennell");
            body.ShouldNotContain("Philippa", Case.Sensitive, "what was written for the person is never published");
            body.ShouldNotContain("yes please");
            body.ShouldNotContain("Not published yet");
            body.ShouldNotContain(seeded.Unpublished.Id.ToString());
        }
    }

    [DatabaseFact]
    public async Task Feed_IsWellFormedAtom_WithOneEntryPerPublishedOutcome()
    {
        var seeded = await SeedAsync();
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri(Feed(seeded.Organisation), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var feed = document.Root!;
        feed.Name.ShouldBe(Atom + "feed");
        feed.Element(Atom + "id")!.Value.ShouldBe($"urn:uuid:{seeded.Organisation.Id}");
        feed.Element(Atom + "title")!.Value.ShouldBe($"You said, we did – {seeded.Organisation.Name}");
        DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(-1));
        feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value
            .ShouldEndWith(Feed(seeded.Organisation));
        feed.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe(seeded.Organisation.Name);

        var entries = feed.Elements(Atom + "entry").ToList();
        entries.Select(e => e.Element(Atom + "id")!.Value).ShouldBe(
            [$"urn:uuid:{seeded.Done.Id}", $"urn:uuid:{seeded.Planned.Id}", $"urn:uuid:{seeded.Unthemed.Id}"], ignoreOrder: true);
        var lunches = entries.Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{seeded.Done.Id}");
        lunches.Element(Atom + "title")!.Value.ShouldBe("Hot lunches on Fridays");
        lunches.Element(Atom + "updated")!.Value.ShouldEndWith("Z");
        lunches.Element(Atom + "link")!.Attribute("href")!.Value.ShouldEndWith($"/p/{seeded.Organisation.Slug}/ideas/{seeded.Done.Id}");
        lunches.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value).ShouldBe(["Food"]);
        var content = lunches.Element(Atom + "content")!.Value;
        content.ShouldContain("You said: Hot lunches on Fridays");
        content.ShouldContain("We did: We did it.");
        content.ShouldContain("3 people said this.");
    }

    [DatabaseFact]
    public async Task Feed_EscapesWhatStaffWrote_AndLeavesOutWhatXmlCannotCarry()
    {
        var organisation = await app.CreateOrganisationAsync("Tom & Jerry's <Club>");
        await app.CreatePublishedIdeaAsync(organisation, "original", "Fish & chips <b>on</b> \"Fridays\"\u0001", OutcomeStatus.Done,
            c => c.PublicOutcome = "]]> <script>alert(1)</script>");
        using var client = app.CreateBrowser();

        var xml = await client.BodyAsync(Feed(organisation));

        xml.ShouldNotContain("<script>");
        xml.ShouldNotContain("<b>");
        var feed = XDocument.Parse(xml).Root!;
        feed.Element(Atom + "author")!.Element(Atom + "name")!.Value.ShouldBe("Tom & Jerry's <Club>");
        var entry = feed.Element(Atom + "entry")!;
        entry.Element(Atom + "title")!.Value.ShouldBe("Fish & chips <b>on</b> \"Fridays\"");
        entry.Element(Atom + "content")!.Value.ShouldContain("]]> <script>alert(1)</script>");
    }

    [DatabaseFact]
    public async Task AnIdeaPartOfAPublishedProject_LinksToTheProject_OnThePage_InTheFeed_AndOnItsOwnPage()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "the words", "Open on Saturdays");
        var project = await app.CreateProjectAsync(organisation, "Saturday opening", idea.Id);
        var other = await app.CreatePublishedIdeaAsync(organisation, "the words", "A garden to grow vegetables");
        await app.CreateProjectAsync(organisation, "A garden project not yet published", other.Id);
        using var client = app.CreateBrowser();
        (await client.BodyAsync(Page(organisation))).ShouldNotContain("Saturday opening", Case.Sensitive, "not published yet");

        await app.PublishProjectAsync(organisation, project.Id);

        var page = await client.GetPageAsync(Page(organisation));
        var projectPage = $"/p/{organisation.Slug}/projects/{project.Id}";
        var link = page.QuerySelector($"main a[href='{projectPage}']")!;
        link.TextContent.ShouldBe("Saturday opening");
        link.ParentElement!.TextContent.ShouldBe("We are working on it together: Saturday opening");
        page.QuerySelector("main")!.TextContent.ShouldContain("A garden to grow vegetables");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("A garden project not yet published");

        var entry = XDocument.Parse(await client.BodyAsync(Feed(organisation))).Root!.Elements(Atom + "entry")
            .Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{idea.Id}");
        entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "related").Attribute("href")!.Value.ShouldEndWith(projectPage);
        entry.Element(Atom + "content")!.Value.ShouldContain("We are working on it together: Saturday opening");

        var own = await client.GetPageAsync($"/p/{organisation.Slug}/ideas/{idea.Id}");
        own.QuerySelector($"#idea-project a[href='{projectPage}']")!.TextContent.ShouldBe("Saturday opening");
        (await client.GetPageAsync($"/p/{organisation.Slug}/ideas/{other.Id}")).QuerySelector("#idea-project").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task YouSaidWeDid_PointsFeedReadersToTheFeed()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri(Page(organisation), UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = response.Headers.GetValues("Link").ShouldHaveSingleItem();
        link.ShouldContain($"<{Feed(organisation)}>");
        link.ShouldContain("rel=\"alternate\"");
        link.ShouldContain("type=\"application/atom+xml\"");
        var page = await response.ReadHtmlAsync();
        page.QuerySelector($"main a[href='{Feed(organisation)}']").ShouldNotBeNull();
        page.QuerySelector("main")!.TextContent.ShouldContain("There is nothing here yet.");
    }

    [DatabaseFact]
    public async Task Feed_ListsTheNewestFifty_AndSaysSo()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateContributionsAsync(organisation, FeedModel.EntriesShown + 5, i => $"words {i}", (i, c) =>
        {
            c.IsPublished = true;
            c.PublicSummary = $"Outcome number {i:00}";
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = c.PublishedAtUtc = DateTime.UtcNow.Date.AddDays(-i);
        });
        using var client = app.CreateBrowser();

        var feed = XDocument.Parse(await client.BodyAsync(Feed(organisation))).Root!;

        feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)
            .ShouldBe(Enumerable.Range(0, FeedModel.EntriesShown).Select(i => $"Outcome number {i:00}"));
        feed.Element(Atom + "subtitle")!.Value.ShouldContain($"the newest {FeedModel.EntriesShown}");
    }

    [DatabaseFact]
    public async Task EmptyFeed_IsStillValidAtom()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        var feed = XDocument.Parse(await client.BodyAsync(Feed(organisation))).Root!;

        feed.Elements(Atom + "entry").ShouldBeEmpty();
        feed.Element(Atom + "updated")!.Value.ShouldNotBeNullOrEmpty();
    }

    [DatabaseFact]
    public async Task YouSaidWeDidAndFeed_QueryCount_DoesNotGrowWithOutcomes()
    {
        async Task<(int Page, int Feed)> QueriesWithAsync(int ideas)
        {
            var organisation = await app.CreateOrganisationAsync();
            var theme = await app.CreateThemeAsync(organisation);
            for (var i = 0; i < ideas; i++)
            {
                var idea = await app.CreatePublishedIdeaAsync(organisation, $"words {i}", $"Summary {i}", OutcomeStatus.Done);
                await app.AddThemeAsync(organisation, idea.Id, theme.Id);
                await app.CreateContributionAsync(organisation, $"me too {i}", c => c.LinkedToId = idea.Id);
            }

            using var client = app.CreateBrowser();
            await client.BodyAsync(Page(organisation));
            // Counted as made, not as served from the output cache.
            await app.EvictPublicPagesAsync(organisation);
            app.Queries.Reset();
            await client.BodyAsync(Page(organisation));
            var page = app.Queries.Count;
            app.Queries.Reset();
            await client.BodyAsync(Feed(organisation));
            return (page, app.Queries.Count);
        }

        var few = await QueriesWithAsync(2);
        var many = await QueriesWithAsync(20);

        few.Page.ShouldBeGreaterThan(0);
        many.ShouldBe(few);
    }
}
