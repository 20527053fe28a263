using WithUs.Tests.Features.Voice.MyVoice;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>
/// Each idea keeps a history of its outcomes (issue 11), written on every save that changes one, so staff and the
/// people who said it can see what became of it; "part of a project" is given only from a project.
/// </summary>
public sealed class OutcomeHistoryTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task EveryOutcomeGiven_IsKeptInOrder_WithWhoGaveIt_AndShownOnTheIdea()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench by the bus stop");
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";

        using var considered = await staff.PostPageAsync(url, new() { ["Input.Status"] = "BeingConsidered", ["Input.Explanation"] = "We are asking the council." });
        using var sameAgain = await staff.PostPageAsync(url, new() { ["Input.Status"] = "BeingConsidered", ["Input.Explanation"] = "We are asking the council." });
        using var done = await staff.PostPageAsync(url, new() { ["Input.Status"] = "Done", ["Input.Explanation"] = "The bench is in." });

        var history = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ContributionOutcome>().AsNoTracking()
            .Where(o => o.ContributionId == idea.Id).OrderBy(o => o.AtUtc).ToListAsync());
        history.Select(h => (h.Outcome, h.Explanation, h.ByUserId)).ShouldBe([
            (OutcomeStatus.BeingConsidered, "We are asking the council.", (Guid?)staff.User.Id),
            (OutcomeStatus.Done, "The bench is in.", (Guid?)staff.User.Id)], "saving the same outcome again adds nothing");
        var details = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");
        var steps = details.QuerySelectorAll("#outcome-history li").Select(li => li.TextContent).ToList();
        steps.Count.ShouldBe(2);
        steps[0].ShouldStartWith("Being considered");
        steps[1].ShouldStartWith("Done");
    }

    [DatabaseFact]
    public async Task PartOfAProject_WithoutOne_IsRefused_WithTheWayToMakeOne()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench by the bus stop");
        var url = $"{staff.Org}/voice/{idea.Id}/outcome";

        using var response = await staff.PostPageAsync(url, new() { ["Input.Status"] = "PartOfProject", ["Input.Explanation"] = "It is in a project." });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["It is not part of a project yet. Start a project from it, or add it from the project's page"]);
        page.QuerySelector($"a[href='{staff.Org}/projects/new?contributionId={idea.Id}']").ShouldNotBeNull();
        (await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == idea.Id))).Outcome.ShouldBe(OutcomeStatus.New);
    }

    [DatabaseFact]
    public async Task ThePartnerWhoSaidIt_SeesWhatBecameOfIt_StepByStep_WithTheProjectsName()
    {
        var partner = await MyVoiceSteps.SignedInPartnerAsync(app);
        var me = await app.CreatePersonAsync(partner.Organisation, name: "Me", userId: partner.User.Id);
        var idea = await app.CreateContributionAsync(partner.Organisation, "Open on Saturdays", c => c.PersonId = me.Id);
        await app.InOrganisationAsync(partner.Organisation, async db =>
        {
            var saved = await db.Contributions.SingleAsync(c => c.Id == idea.Id);
            saved.Outcome = OutcomeStatus.BeingConsidered;
            saved.OutcomeAtUtc = DateTime.UtcNow;
            await db.SaveChangesAsync();
        });
        await app.CreateProjectAsync(partner.Organisation, "Saturday opening", idea.Id);

        var page = await partner.Client.GetPageAsync($"/o/{partner.Organisation.Slug}/my-voice");

        var steps = page.QuerySelectorAll(".withus-timeline li").Select(li => li.TextContent.Trim()).ToList();
        steps.Count.ShouldBe(2);
        steps[0].ShouldEndWith("Being considered");
        steps[1].ShouldEndWith("Part of a project, \"Saturday opening\"");
    }

    [DatabaseFact]
    public async Task AnIdeaImportedWithAnOutcome_BeginsItsHistoryWithIt()
    {
        using var staff = await app.SignedInAsync();

        var batch = await ImportAsync(app, staff, "Text,Kind,Outcome,Outcome explanation\r\nA bench by the bus stop,Idea,Done,The bench is in.\r\nA later bus,Idea,,\r\n");

        batch.Status.ShouldBe(Web.Features.Voice.Import.ImportStatus.Imported, batch.Message);
        var history = await app.InOrganisationAsync(staff.Organisation, db => db.Set<ContributionOutcome>().AsNoTracking().ToListAsync());
        var bench = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Text == "A bench by the bus stop"));
        history.Select(h => (h.ContributionId, h.Outcome, h.Explanation)).ShouldBe([(bench.Id, OutcomeStatus.Done, "The bench is in.")],
            "an idea that arrives as new has no history yet");
    }
}
