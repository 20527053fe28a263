using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.Tests.Features.Projects.Decisions;

/// <summary>Projects/Decisions/Index and _ParticipationProfile: the log newest first, and the project's profile across its decisions.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task TheLog_IsNewestFirst_AndTheProfileCountsEachLevel()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var today = DateTime.UtcNow.Date;
        await app.AddDecisionAsync(staff.Organisation, world.Project.Id, DecisionWay.StaffAfterConsultingPartners, [world.Staff.Id], "Which hot food", decidedOn: today.AddDays(-30));
        await app.AddDecisionAsync(staff.Organisation, world.Project.Id, DecisionWay.TogetherByConsensus, [world.Kasia.Id, world.Staff.Id], "Open on Saturdays", decidedOn: today.AddDays(-2));
        await app.AddDecisionAsync(staff.Organisation, world.Project.Id, DecisionWay.PartnersDecided, [world.Kasia.Id, world.Dev.Id], "Call it Saturday Kitchen", "Saturday Kitchen", today.AddDays(-1));
        await app.AddDecisionAsync(staff.Organisation, world.Project.Id, DecisionWay.StaffAlone, [world.Staff.Id, world.Kasia.Id], "Two staff on every shift", decidedOn: today.AddDays(-10));

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{world.Project.Id}/decisions");

        page.QuerySelectorAll("#decisions tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Skip(1).ToList()).ToList().ShouldBe(
        [
            ["Call it Saturday Kitchen", "Partners decided", "Co-design"],
            ["Open on Saturdays", "Staff and partners decided together, by agreement", "Co-production"],
            ["Two staff on every shift", "Staff decided alone", "Informing"],
            ["Which hot food", "Staff decided, after asking partners what they thought", "Consultation"],
        ]);
        page.QuerySelector("#participation-summary")!.TextContent.ShouldBe("2 of 4 decisions were co-designed or co-produced.");
        page.QuerySelectorAll("#participation-levels tbody tr")
            .Select(r => (r.QuerySelector(".govuk-tag")!.TextContent, r.QuerySelector("td")!.TextContent, r.QuerySelector("svg rect")?.GetAttribute("width")))
            .ShouldBe([("Co-production", "1", "25"), ("Co-design", "1", "25"), ("Involvement", "0", null), ("Consultation", "1", "25"), ("Informing", "1", "25")]);
        page.QuerySelector("#participation-profile a")!.GetAttribute("href").ShouldBe($"{staff.Org}/projects/participation-levels");
    }

    [DatabaseFact]
    public async Task AProjectWithNoDecisions_SaysSo()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}/decisions");

        page.QuerySelector("#no-decisions").ShouldNotBeNull();
        page.QuerySelector("#participation-summary")!.TextContent.ShouldBe("No decisions are recorded yet.");
        page.QuerySelector("#decisions").ShouldBeNull();
    }

    [DatabaseFact]
    public async Task TheLog_QueryCount_DoesNotGrowWithDecisions()
    {
        async Task<int> QueriesAsync(int decisions)
        {
            using var staff = await app.SignedInAsync();
            var world = await app.ProjectWithTeamAsync(staff);
            var ways = DecisionWayWords.All;
            for (var i = 0; i < decisions; i++)
            {
                await app.AddDecisionAsync(staff.Organisation, world.Project.Id, ways[i % ways.Count], [world.Kasia.Id, world.Dev.Id, world.Staff.Id], $"Decision {i}");
            }

            var url = $"{staff.Org}/projects/{world.Project.Id}/decisions";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("#decisions tbody tr").Length.ShouldBe(decisions);
            return app.Queries.Count;
        }

        var withTwo = await QueriesAsync(2);
        var withTwenty = await QueriesAsync(20);

        withTwenty.ShouldBe(withTwo);
    }
}
