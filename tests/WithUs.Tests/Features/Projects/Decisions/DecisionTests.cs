using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Decisions;

namespace WithUs.Tests.Features.Projects.Decisions;

/// <summary>Projects/Decisions/Decision and Levels: one decision as evidence, and how its level is worked out.</summary>
public sealed class DecisionTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task ShowsTheFacts_WhoWasInTheRoomByName_AndTheLevelWithWhy()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var decision = await app.AddDecisionAsync(staff.Organisation, world.Project.Id, DecisionWay.TogetherByVote, [world.Kasia.Id, world.Staff.Id],
            "The drop-in opens on Saturdays", "Saturday mornings\nSunday afternoons", dissent: "Dev wanted Sundays.");

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{world.Project.Id}/decisions/{decision.Id}");

        page.QuerySelector("#what")!.TextContent.ShouldBe("The drop-in opens on Saturdays");
        page.QuerySelector("#level .govuk-tag")!.TextContent.ShouldBe("Co-production");
        page.QuerySelector("#why")!.TextContent.ShouldBe(ParticipationRule.Derive(DecisionWay.TogetherByVote, 1, 1, 2).Why);
        page.QuerySelectorAll("#options li").Select(li => li.TextContent).ShouldBe(["Saturday mornings", "Sunday afternoons"]);
        page.QuerySelector("#how")!.TextContent.ShouldContain("by a vote: 2 for, 0 against, 0 neither");
        var room = page.QuerySelector("#in-the-room")!.TextContent;
        room.ShouldContain("1 partner and 1 staff");
        room.ShouldContain("Kasia Nowak");
        room.ShouldNotContain("Dev Sharma");
        page.QuerySelector("#dissent")!.TextContent.ShouldBe("Dev wanted Sundays.");
        page.QuerySelector("main")!.TextContent.ShouldContain("A decision is not changed once recorded: record a new one if it was decided again.");
        page.QuerySelectorAll("main form[method='post']").ShouldBeEmpty("a decision is evidence: nothing on its page changes it");
        page.QuerySelector("#level a")!.GetAttribute("href").ShouldBe($"{staff.Org}/projects/participation-levels");
    }

    [DatabaseFact]
    public async Task ADecisionOfAnotherProject_IsNotFoundUnderThisOne()
    {
        using var staff = await app.SignedInAsync();
        var world = await app.ProjectWithTeamAsync(staff);
        var other = await app.CreateProjectAsync(staff.Organisation, "Garden");
        var theirs = await app.AddDecisionAsync(staff.Organisation, other.Id, DecisionWay.StaffAlone, [world.Staff.Id]);

        using var response = await staff.Client.GetAsync($"{staff.Org}/projects/{world.Project.Id}/decisions/{theirs.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task ErasingAPartner_TakesTheirName_ButTheCountsStand()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);
        var world = await app.ProjectWithTeamAsync(admin);
        var decision = await app.AddDecisionAsync(admin.Organisation, world.Project.Id, DecisionWay.TogetherByConsensus, [world.Kasia.Id, world.Dev.Id, world.Staff.Id]);
        var kasia = world.Kasia.PersonId!.Value;

        await app.InScopeAsync(async services =>
        {
            var org = await services.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Id == admin.Organisation.Id);
            services.GetRequiredService<TenantContext>().Set(org, OrganisationRole.Administrator);
            var db = services.GetRequiredService<WithUsDbContext>();
            await services.GetRequiredService<PersonErasure>().EraseAsync(await db.People.SingleAsync(p => p.Id == kasia), CancellationToken.None);
            return 0;
        });

        var kept = await app.InOrganisationAsync(admin.Organisation, db => db.Set<Decision>().AsNoTracking().SingleAsync());
        (kept.PartnersPresent, kept.StaffPresent, kept.Level).ShouldBe((2, 1, ParticipationLevel.CoProduction));
        (await app.InOrganisationAsync(admin.Organisation, db => db.Set<DecisionPresent>().CountAsync())).ShouldBe(2);
        var page = await admin.Client.GetPageAsync($"{admin.Org}/projects/{world.Project.Id}/decisions/{decision.Id}");
        var room = page.QuerySelector("#in-the-room")!.TextContent;
        room.ShouldContain("2 partners and 1 staff");
        room.ShouldNotContain("Kasia Nowak");
        room.ShouldContain("And 1 whose record has since been removed");
    }

    [DatabaseFact]
    public async Task TheLevelsPage_ExplainsTheRule_FromTheRuleItself()
    {
        using var staff = await app.SignedInAsync();

        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/participation-levels");

        page.QuerySelectorAll("#rule-table tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent))
            .ShouldBe(ParticipationRule.Lines);
        page.QuerySelectorAll("#rungs li .govuk-tag").Select(t => t.TextContent).ShouldBe(["Informing", "Consultation", "Involvement", "Co-design", "Co-production"]);
        page.QuerySelector("main")!.TextContent.ShouldContain("sit in the back seat once the agency has decided where the car is going");
    }
}
