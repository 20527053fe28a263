using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Phase and PhaseNames: each phase's goals, dates and status, and the organisation's own names for them.</summary>
public sealed class PhaseTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task APhase_IsSaved_AndTheProjectPageShowsWhereItStands()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var design = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/phases/design", new()
        {
            ["Status"] = "UnderWay",
            ["Goals"] = "Plan the Saturday morning with the people who will come.",
            ["StartsOn"] = "2026-12-01",
            ["EndsOn"] = "31/01/2027",
        });
        using var commissioning = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/phases/Commissioning", new() { ["Status"] = "Done" });

        design.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        design.Location().ShouldBe($"{staff.Org}/projects/{project.Id}#phases");
        commissioning.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectPhase>().AsNoTracking().SingleAsync(p => p.Phase == CoPhase.Design));
        (saved.Status, saved.Goals, saved.StartsOn, saved.EndsOn).ShouldBe((PhaseStatus.UnderWay, "Plan the Saturday morning with the people who will come.",
            (DateTime?)new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), (DateTime?)new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc)));
        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}");
        page.QuerySelector("#phase-design")!.ClassList.ShouldContain("withus-phases__phase--now");
        page.QuerySelector("#phase-design")!.TextContent.ShouldContain("From 1 December 2026 to 31 January 2027");
        page.QuerySelector("#phase-commissioning")!.ClassList.ShouldContain("withus-phases__phase--done");
    }

    [DatabaseTheory]
    [InlineData("", "", "", "Choose where this phase stands")]
    [InlineData("Sideways", "", "", "Choose where this phase stands")]
    [InlineData("Done", "30/02/2027", "", "The day it starts must be a real date, like 21/11/2026")]
    [InlineData("Done", "2027-03-01", "2027-02-01", "The day it ends must be the same as or after the day it starts")]
    public async Task ABadPhase_IsRefusedWithAClearMessage_AndNothingChanges(string status, string starts, string ends, string message)
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var response = await staff.PostPageAsync($"{staff.Org}/projects/{project.Id}/phases/delivery", new()
        {
            ["Status"] = status,
            ["StartsOn"] = starts,
            ["EndsOn"] = ends,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe([message]);
        var phase = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ProjectPhase>().AsNoTracking().SingleAsync(p => p.Phase == CoPhase.Delivery));
        (phase.Status, phase.StartsOn).ShouldBe((PhaseStatus.NotStarted, null));
    }

    [DatabaseTheory]
    [InlineData("1")]
    [InlineData("planning")]
    public async Task APhaseThatIsNotOne_IsNotFound(string phase)
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation);

        using var response = await staff.Client.GetAsync($"{staff.Org}/projects/{project.Id}/phases/{phase}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task AnAdministrator_NamesThePhases_EveryProjectUsesTheNames_AndABlankGoesBackToTheDefault()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var project = await app.CreateProjectAsync(admin.Organisation);
        var url = $"{admin.Org}/projects/phases";

        using var named = await admin.PostPageAsync(url, new()
        {
            ["Names[0]"] = "Deciding what we need",
            ["Names[1]"] = "",
            ["Names[2]"] = "Making it happen",
            ["Names[3]"] = "Co-assessment",
        });

        named.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.Client.GetPageAsync($"{admin.Org}/projects/{project.Id}");
        page.QuerySelectorAll(".withus-phases h3").Select(h => h.TextContent.Replace("(where it is now)", "").Trim())
            .ShouldBe(["Deciding what we need", "Co-design", "Making it happen", "Co-assessment"]);
        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<PhaseName>().CountAsync())).ShouldBe(2, "a default name is not stored");

        using var again = await admin.PostPageAsync(url, new() { ["Names[0]"] = "", ["Names[2]"] = "Making it happen" });
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<PhaseName>().Select(n => n.Name).ToListAsync())).ShouldBe(["Making it happen"]);
    }

    [DatabaseFact]
    public async Task TwoPhasesWithOneName_AreRefused()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);

        using var response = await admin.PostPageAsync($"{admin.Org}/projects/phases", new() { ["Names[0]"] = "Together", ["Names[3]"] = "together" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Give each phase a different name"]);
        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<PhaseName>().CountAsync())).ShouldBe(0);
    }
}
