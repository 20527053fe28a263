using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Index, Project, Edit and Said: the list, a project at a glance, and adding what people said.</summary>
public sealed class ProjectPagesTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task TheList_ShowsEachProject_WhereItStands_AndHowManyThingsSaidLedToIt()
    {
        using var staff = await app.SignedInAsync();
        var a = await app.CreateContributionAsync(staff.Organisation, "Saturday opening please");
        var b = await app.CreateContributionAsync(staff.Organisation, "Open on Saturdays");
        await app.CreateProjectAsync(staff.Organisation, "Saturdays", a.Id, b.Id);
        await app.CreateProjectAsync(staff.Organisation, "Garden");

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects");

        var rows = page.QuerySelectorAll("#projects tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Take(3).ToList()).ToList();
        rows.ShouldBe([["Garden", "Co-commissioning: under way", "0"], ["Saturdays", "Co-commissioning: under way", "2"]]);
    }

    [DatabaseFact]
    public async Task TheList_QueryCount_DoesNotGrowWithProjects()
    {
        async Task<int> QueriesAsync(int projects)
        {
            using var staff = await app.SignedInAsync();
            for (var i = 0; i < projects; i++)
            {
                var idea = await app.CreateContributionAsync(staff.Organisation, $"Idea {i}");
                await app.CreateProjectAsync(staff.Organisation, $"Project {i}", idea.Id);
            }

            var url = $"{staff.Org}/projects";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("#projects tbody tr").Length.ShouldBe(projects);
            return app.Queries.Count;
        }

        var withTwo = await QueriesAsync(2);
        var withTwenty = await QueriesAsync(20);

        withTwenty.ShouldBe(withTwo);
    }

    [DatabaseFact]
    public async Task TheProjectPage_QueryCount_DoesNotGrowWithBoundariesMeetingsOrThingsSaid()
    {
        async Task<int> QueriesAsync(int rows)
        {
            using var staff = await app.SignedInAsync();
            var ideas = new List<Guid>();
            for (var i = 0; i < rows; i++)
            {
                ideas.Add((await app.CreateContributionAsync(staff.Organisation, $"Idea {i}")).Id);
            }

            var project = await app.CreateProjectAsync(staff.Organisation, "A project", [.. ideas]);
            var person = await app.CreatePersonAsync(staff.Organisation);
            var member = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: person.Id);
            for (var i = 0; i < rows; i++)
            {
                await app.AddBoundaryAsync(staff.Organisation, project.Id, i % 2 == 0 ? BoundaryKind.Open : BoundaryKind.Fixed);
                await app.PlanMeetingAsync(staff.Organisation, project.Id, DateTime.UtcNow.AddDays(i - (rows / 2)), invited: member.Id);
            }

            var url = $"{staff.Org}/projects/{project.Id}";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("#ideas li").Length.ShouldBe(rows);
            return app.Queries.Count;
        }

        var withTwo = await QueriesAsync(2);
        var withTwenty = await QueriesAsync(20);

        withTwenty.ShouldBe(withTwo);
    }

    [DatabaseFact]
    public async Task TheProjectPage_SaysWhatToDoBeforeStarting_UntilTheProjectHasDelivered()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturdays");
        var url = $"{staff.Org}/projects/{project.Id}";

        var starting = await staff.Client.GetPageAsync(url);
        starting.QuerySelectorAll("#getting-started-steps li").Length.ShouldBe(4);

        await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().Where(p => p.Id == project.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeliveredAtUtc, DateTime.UtcNow).SetProperty(p => p.DeliverySummary, "It opened on Saturdays.")));
        var delivered = await staff.Client.GetPageAsync(url);

        delivered.QuerySelector("#delivery-summary")!.TextContent.ShouldBe("It opened on Saturdays.");
        delivered.QuerySelector("#getting-started").ShouldBeNull("a project that has delivered is long past starting");
    }

    [DatabaseFact]
    public async Task Edit_ChangesTheNameAndPurpose_AndRefusesANameTaken()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturdays");
        await app.CreateProjectAsync(staff.Organisation, "Garden");
        var url = $"{staff.Org}/projects/{project.Id}/edit";

        using var taken = await staff.PostPageAsync(url, new() { ["Input.Title"] = "GARDEN" });
        taken.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await taken.ReadHtmlAsync()).ErrorSummary().ShouldBe(["There is already a project called \"GARDEN\". Choose a different name"]);

        using var saved = await staff.PostPageAsync(url, new() { ["Input.Title"] = "Saturday opening", ["Input.Purpose"] = "Open on Saturdays." });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().AsNoTracking().SingleAsync(p => p.Id == project.Id));
        (kept.Title, kept.Purpose).ShouldBe(("Saturday opening", "Open on Saturdays."));
    }

    [DatabaseFact]
    public async Task Said_FindsWhatPeopleSaidByTheirWords_AndMakesTheTickedOnesPartOfIt()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturdays");
        var found = await app.CreateContributionAsync(staff.Organisation, "A bike repair morning would be great");
        var elsewhere = await app.CreateContributionAsync(staff.Organisation, "Bike storage by the door");
        await app.CreateProjectAsync(staff.Organisation, "Storage", elsewhere.Id);
        var url = $"{staff.Org}/projects/{project.Id}/said?q=bike+repair";

        var form = await staff.Client.GetPageAsync(url);
        form.QuerySelectorAll("input[name='Selected']").Select(i => i.GetAttribute("value")).ShouldBe([found.Id.ToString()], "one in another project is not offered");

        using var none = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string>());
        none.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await none.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Tick at least one thing people said"]);

        using var added = await staff.Client.SubmitAsync(form, url, new Dictionary<string, string> { ["Selected"] = found.Id.ToString() });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var idea = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == found.Id));
        (idea.ProjectId, idea.Outcome, idea.OutcomeExplanation).ShouldBe(((Guid?)project.Id, OutcomeStatus.PartOfProject, ProjectStart.DefaultTellThem));
    }
}
