using WithUs.Tests.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.Tests.Features.Public;

/// <summary>Public/Projects: the projects an organisation published, the most recently published first, and nothing else.</summary>
public sealed class ProjectsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static string List(TestOrganisation organisation) => $"/p/{organisation.Slug}/projects";

    [DatabaseFact]
    public async Task TheList_ShowsPublishedProjects_NewestFirst_WithWhereEachStands_AndHowItsDecisionsWereShared()
    {
        var organisation = await app.CreateOrganisationAsync();
        var older = await app.CreateProjectAsync(organisation, "Warm mornings");
        await app.PublishProjectAsync(organisation, older.Id, "Keeping the hall warm.", DateTime.UtcNow.AddDays(-5));
        var newer = await app.CreateProjectAsync(organisation, "Saturday opening");
        await app.PublishProjectAsync(organisation, newer.Id, "Open on Saturdays.", DateTime.UtcNow.AddDays(-1));
        await app.AddDecisionAsync(organisation, newer.Id, DecisionWay.StaffAlone);
        await app.CreateProjectAsync(organisation, "A draft nobody published");
        var other = await app.CreateOrganisationAsync();
        await app.PublishProjectAsync(other, (await app.CreateProjectAsync(other, "Another organisation's")).Id);
        using var visitor = app.CreateBrowser();

        var page = await visitor.GetPageAsync(List(organisation));

        page.QuerySelectorAll("#published-projects h2").Select(h => h.TextContent).ShouldBe(["Saturday opening", "Warm mornings"]);
        page.QuerySelector($"#published-projects a[href='/p/{organisation.Slug}/projects/{newer.Id}']").ShouldNotBeNull();
        var first = page.QuerySelector("#published-projects li")!.TextContent;
        first.ShouldContain("Open on Saturdays.");
        first.ShouldContain("Where it stands: Co-commissioning, under way.");
        first.ShouldContain("0 of 1 decision was co-designed or co-produced.");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("A draft nobody published");
        page.QuerySelector("main")!.TextContent.ShouldNotContain("Another organisation's");
    }

    [DatabaseFact]
    public async Task WithNothingPublished_TheListSaysSo()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateProjectAsync(organisation, "A draft nobody published");
        using var visitor = app.CreateBrowser();

        var page = await visitor.GetPageAsync(List(organisation));

        page.QuerySelector("#no-projects").ShouldNotBeNull();
        page.QuerySelector("main")!.TextContent.ShouldNotContain("A draft nobody published");
    }

    [DatabaseFact]
    public async Task TheList_ShowsAProjectAtOncePublished_AndHidesItAtOnceWhenStaffStopPublishing()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        using var visitor = app.CreateClient();
        var landing = $"/p/{staff.Organisation.Slug}";
        (await visitor.GetStringAsync(List(staff.Organisation))).ShouldNotContain("Saturday opening");
        (await visitor.GetStringAsync(landing)).ShouldNotContain("Saturday opening");

        using (var published = await staff.PublishAsync(project.Id, "Open on Saturdays."))
        {
            published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await visitor.GetStringAsync(List(staff.Organisation))).ShouldContain("Saturday opening");
        (await visitor.GetStringAsync(landing)).ShouldContain("Saturday opening");

        using (var stopped = await staff.StopPublishingAsync(project.Id))
        {
            stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await visitor.GetStringAsync(List(staff.Organisation))).ShouldNotContain("Saturday opening");
        (await visitor.GetStringAsync(landing)).ShouldNotContain("Saturday opening");
    }

    [DatabaseFact]
    public async Task TheList_QueryCount_DoesNotGrowWithProjects()
    {
        async Task<int> QueriesAsync(int projects)
        {
            using var staff = await app.SignedInAsync();
            for (var i = 0; i < projects; i++)
            {
                var project = await app.CreateProjectAsync(staff.Organisation, $"Project {i}");
                await app.AddDecisionAsync(staff.Organisation, project.Id, DecisionWay.StaffAlone);
                await app.PublishProjectAsync(staff.Organisation, project.Id, $"Summary {i}");
            }

            // Signed in, so that it does not come from the cache.
            (await staff.Client.GetPageAsync(List(staff.Organisation))).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(List(staff.Organisation));
            page.QuerySelectorAll("#published-projects h2").Length.ShouldBe(projects);
            return app.Queries.Count;
        }

        var withTwo = await QueriesAsync(2);
        var withTwenty = await QueriesAsync(20);

        withTwenty.ShouldBe(withTwo);
    }
}
