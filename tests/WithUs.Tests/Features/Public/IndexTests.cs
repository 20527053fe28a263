using static WithUs.Tests.Features.Public.PublicPages;

namespace WithUs.Tests.Features.Public;

/// <summary>An organisation's public front door, and what happens when it is closed or does not exist.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Landing_NamesTheOrganisation_LinksToSayAndToYouSaidWeDid_AndListsPublishedIdeas()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "the original words", "A book swap shelf");
        await app.CreateContributionAsync(organisation, "me too", c => c.LinkedToId = idea.Id);
        await app.CreateContributionAsync(organisation, "not published", c => c.PublicSummary = "Draft summary");
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync($"/p/{organisation.Slug}");

        page.QuerySelector("h1")!.TextContent.ShouldBe(organisation.Name);
        page.QuerySelector($"main a[href='/p/{organisation.Slug}/say']")!.TextContent.ShouldContain("Tell us your idea or what you think");
        page.QuerySelector($"main a[href='/p/{organisation.Slug}/you-said-we-did']").ShouldNotBeNull();
        var ideaLink = page.QuerySelector($"main a[href='/p/{organisation.Slug}/ideas/{idea.Id}']")!;
        ideaLink.TextContent.ShouldBe("A book swap shelf");
        var main = page.QuerySelector("main")!.TextContent;
        main.ShouldContain("2 people said this");
        main.ShouldNotContain("the original words");
        main.ShouldNotContain("Draft summary");
        page.QuerySelectorAll("main a[href*='/ideas/']").Length.ShouldBe(1);
    }

    [DatabaseFact]
    public async Task Landing_LinksToThePublishedProjects_OnlyWhenThereAreSome()
    {
        var organisation = await app.CreateOrganisationAsync();
        var project = await app.CreateProjectAsync(organisation, "Saturday opening");
        using var client = app.CreateBrowser();

        var before = await client.GetPageAsync($"/p/{organisation.Slug}");
        before.QuerySelector($"main a[href='/p/{organisation.Slug}/projects']").ShouldBeNull();
        before.QuerySelector("main")!.TextContent.ShouldNotContain("Saturday opening");

        await app.PublishProjectAsync(organisation, project.Id);
        var after = await client.GetPageAsync($"/p/{organisation.Slug}");

        after.QuerySelector($"main a[href='/p/{organisation.Slug}/projects']")!.TextContent.ShouldBe("See all our projects");
        after.QuerySelector($"#landing-projects a[href='/p/{organisation.Slug}/projects/{project.Id}']")!.TextContent.ShouldBe("Saturday opening");
    }

    [DatabaseFact]
    public async Task Landing_DoesNotInviteMeTooOnIdeasAlreadyDone()
    {
        var organisation = await app.CreateOrganisationAsync();
        var open = await app.CreatePublishedIdeaAsync(organisation, "words", "A book swap shelf", OutcomeStatus.Planned);
        var done = await app.CreatePublishedIdeaAsync(organisation, "words", "Hot lunches on Fridays", OutcomeStatus.Done);
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync($"/p/{organisation.Slug}");

        page.QuerySelector($"main a[href='/p/{organisation.Slug}/ideas/{open.Id}']").ShouldNotBeNull();
        page.QuerySelector($"main a[href='/p/{organisation.Slug}/ideas/{done.Id}']").ShouldBeNull();
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Hot lunches on Fridays");
    }

    [DatabaseFact]
    public async Task Landing_WithNothingPublished_SaysSoPlainly()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        var page = await client.GetPageAsync($"/p/{organisation.Slug}");

        page.QuerySelector("main")!.TextContent.ShouldContain("There are none yet.");
    }

    [DatabaseFact]
    public async Task Landing_ReadsTheSlugWhateverItsCase()
    {
        var organisation = await app.CreateOrganisationAsync();
        using var client = app.CreateBrowser();

        (await client.GetPageAsync($"/p/{organisation.Slug.ToUpperInvariant()}")).QuerySelector("h1")!.TextContent.ShouldBe(organisation.Name);
    }

    public static TheoryData<string> PublicPaths() => new()
    {
        "", "/say", "/thanks", "/you-said-we-did", "/you-said-we-did.atom", "/ideas/{idea}",
    };

    [DatabaseTheory]
    [MemberData(nameof(PublicPaths))]
    public async Task PublicPages_OfAnOrganisationThatClosedThem_AreNotFound_AndDoNotNameIt(string path)
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original", "Published summary", OutcomeStatus.Done);
        await app.SetPublicPagesOpenAsync(organisation, open: false);
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/p/{organisation.Slug}{path.Replace("{idea}", idea.Id.ToString(), StringComparison.Ordinal)}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldNotContain(organisation.Name);
        body.ShouldNotContain("Published summary");
    }

    [DatabaseFact]
    public async Task PublicForms_OfAnOrganisationThatClosedThem_AcceptNothing()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreatePublishedIdeaAsync(organisation, "original", "Published summary");
        using var client = app.CreateBrowser();
        var say = await client.GetPageAsync($"/p/{organisation.Slug}/say");
        var meToo = await client.GetPageAsync(Idea(organisation, idea.Id));
        await app.SetPublicPagesOpenAsync(organisation, open: false);

        using var said = await client.SubmitAsync(say, $"/p/{organisation.Slug}/say", PublicPages.SayValues("Closed?"));
        using var agreed = await client.SubmitAsync(meToo, Idea(organisation, idea.Id), PublicPages.MeTooValues("Closed?"));

        said.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        agreed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ContributionsAsync(organisation)).ShouldHaveSingleItem();
    }

    [DatabaseFact]
    public async Task PublicPages_OpenAgain_AreFoundAgain()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.SetPublicPagesOpenAsync(organisation, open: false);
        await app.SetPublicPagesOpenAsync(organisation, open: true);
        using var client = app.CreateBrowser();

        (await client.GetPageAsync($"/p/{organisation.Slug}")).QuerySelector("h1")!.TextContent.ShouldBe(organisation.Name);
    }

    [DatabaseTheory]
    [MemberData(nameof(PublicPaths))]
    public async Task PublicPages_OfAnUnknownOrganisation_AreNotFound(string path)
    {
        using var client = app.CreateBrowser();

        using var response = await client.GetAsync(new Uri($"/p/no-such-organisation{path.Replace("{idea}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal)}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task Landing_QueryCount_DoesNotGrowWithIdeas()
    {
        async Task<int> QueriesWithAsync(int ideas)
        {
            var organisation = await app.CreateOrganisationAsync();
            var theme = await app.CreateThemeAsync(organisation);
            for (var i = 0; i < ideas; i++)
            {
                var idea = await app.CreatePublishedIdeaAsync(organisation, $"words {i}", $"Summary {i}");
                await app.AddThemeAsync(organisation, idea.Id, theme.Id);
            }

            using var client = app.CreateBrowser();
            await client.BodyAsync($"/p/{organisation.Slug}");
            // Counted as made, not as served from the output cache.
            await app.EvictPublicPagesAsync(organisation);
            app.Queries.Reset();
            await client.BodyAsync($"/p/{organisation.Slug}");
            return app.Queries.Count;
        }

        var few = await QueriesWithAsync(2);
        var many = await QueriesWithAsync(20);

        few.ShouldBeGreaterThan(0);
        many.ShouldBe(few);
    }
}
