using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Mine: a partner sees the projects they are in, in plain words, and nobody else's.</summary>
public sealed class MineTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<(SignedIn Staff, SignedIn Partner, Guid ProjectId, Guid Place)> PartnerInAProjectAsync()
    {
        var staff = await app.SignedInAsync();
        var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        var me = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak", userId: partner.User.Id);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == me.Id)).AccessNeeds = AccessNeed.BritishSignLanguage;
            await db.SaveChangesAsync();
        });
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var place = await app.AddTeamMemberAsync(staff.Organisation, project.Id, personId: me.Id, role: "Co-designer");
        await app.AddBoundaryAsync(staff.Organisation, project.Id, BoundaryKind.Fixed, "It closes by 2pm", why: "One morning is paid for.");
        return (staff, partner, project.Id, place.Id);
    }

    [DatabaseFact]
    public async Task APartner_SeesTheirProject_ItsBoundaries_TheirMeetingsWithACalendarFile_AndNotOthersNeeds()
    {
        var (staff, partner, projectId, place) = await PartnerInAProjectAsync();
        using var _ = staff;
        using var __ = partner;
        var other = await app.CreatePersonAsync(staff.Organisation, name: "Dev Sharma");
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.People.SingleAsync(p => p.Id == other.Id)).AccessNeeds = AccessNeed.StepFreeAccess;
            await db.SaveChangesAsync();
        });
        var devPlace = await app.AddTeamMemberAsync(staff.Organisation, projectId, personId: other.Id, role: "Host");
        var mine = await app.PlanMeetingAsync(staff.Organisation, projectId, new DateTime(2030, 7, 10, 9, 0, 0, DateTimeKind.Utc), invited: place);
        var notMine = await app.PlanMeetingAsync(staff.Organisation, projectId, new DateTime(2030, 7, 11, 9, 0, 0, DateTimeKind.Utc), invited: devPlace.Id);

        var list = await partner.Client.GetPageAsync($"{partner.Org}/my-projects");
        list.QuerySelector("#my-projects")!.TextContent.ShouldContain("Saturday opening");
        list.QuerySelector("#my-projects")!.TextContent.ShouldContain("You are: Co-designer");
        list.QuerySelector("#my-projects")!.TextContent.ShouldContain("Next meeting: Wednesday 10 July, 10:00");

        var page = await partner.Client.GetPageAsync($"{partner.Org}/my-projects/{projectId}");
        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("It closes by 2pm. Why: One morning is paid for.");
        text.ShouldContain("Dev Sharma, Host");
        text.ShouldNotContain("Step-free", Case.Insensitive);
        page.QuerySelectorAll(".govuk-summary-card").Length.ShouldBe(1, "only the meeting they are invited to");
        page.QuerySelector("#my-decisions").ShouldBeNull("nothing is decided yet");

        using var file = await partner.Client.GetAsync($"{partner.Org}/my-projects/{projectId}/meetings/{mine.Id}/calendar");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await file.Content.ReadAsStringAsync()).ShouldContain("It closes by 2pm");
        (await partner.Client.GetAsync($"{partner.Org}/my-projects/{projectId}/meetings/{notMine.Id}/calendar")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await app.AddDecisionAsync(staff.Organisation, projectId, DecisionWay.PartnersDecided, [place], what: "We open at 10am", decidedOn: new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc));
        (await partner.Client.GetPageAsync($"{partner.Org}/my-projects/{projectId}")).QuerySelector("#my-decisions")!.TextContent
            .ShouldContain("21 November 2026, partners decided");
        (await partner.Client.GetAsync($"{partner.Org}/projects/{projectId}")).ShouldBeRefused();
    }

    [DatabaseFact]
    public async Task APartnerNotInTheTeam_OrWhoLeftIt_FindsNothing()
    {
        var (staff, partner, projectId, place) = await PartnerInAProjectAsync();
        using var _ = staff;
        using var __ = partner;
        var outsider = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        using var ___ = outsider;
        await app.CreatePersonAsync(staff.Organisation, name: "Outsider", userId: outsider.User.Id);

        (await outsider.Client.GetAsync($"{outsider.Org}/my-projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await outsider.Client.GetPageAsync($"{outsider.Org}/my-projects")).QuerySelector("#no-projects").ShouldNotBeNull();

        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Set<ProjectMember>().SingleAsync(m => m.Id == place)).LeftAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        (await partner.Client.GetAsync($"{partner.Org}/my-projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task APartner_AgreesToTheGroundRulesThemselves_AndStaffSeeIt()
    {
        var (staff, partner, projectId, place) = await PartnerInAProjectAsync();
        using var _ = staff;
        using var __ = partner;
        await app.AddGroundRulesAsync(staff.Organisation, projectId, "We listen to each other.");
        var url = $"{partner.Org}/my-projects/{projectId}";

        using var agreed = await partner.PostPageAsync(url, []);

        agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await app.InOrganisationAsync(staff.Organisation, db => db.Set<GroundRulesAgreed>().AsNoTracking().SingleAsync());
        (kept.MemberId, kept.RecordedByUserId).ShouldBe((place, (Guid?)null));
        (await partner.Client.GetPageAsync(url)).QuerySelector("#agreed-rules").ShouldNotBeNull();
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{projectId}/ground-rules")).QuerySelector("#agreements")!.TextContent.ShouldContain("themselves");
    }

    [DatabaseFact]
    public async Task Staff_SeeWhatPartnersSee_AsAPreview()
    {
        var (staff, partner, projectId, _) = await PartnerInAProjectAsync();
        using var __ = staff;
        using var ___ = partner;

        var page = await staff.Client.GetPageAsync($"{staff.Org}/my-projects/{projectId}");

        page.QuerySelector("#preview").ShouldNotBeNull();
        page.QuerySelector("main")!.TextContent.ShouldContain("It closes by 2pm");
    }
}
