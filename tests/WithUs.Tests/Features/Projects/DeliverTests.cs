using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Deliver: what a project did, and the things said that led to it done in one step, their people owed a reply.</summary>
public sealed class DeliverTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Delivering_MakesTheTickedIdeasDone_PutsTheirPeopleOnOwedAReply_AndStartsTheReview()
    {
        using var staff = await app.SignedInAsync();
        var kasia = await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak", mayContact: true, contactBy: ContactMethod.Email, email: "kasia@example.org");
        var saturday = await app.CreateContributionAsync(staff.Organisation, "Open on Saturdays", c => c.PersonId = kasia.Id);
        var later = await app.CreateContributionAsync(staff.Organisation, "Open on Sundays too");
        var project = await app.CreateProjectAsync(staff.Organisation, "Weekend opening", saturday.Id, later.Id);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            // Kasia was told it was part of the project: she is not owed a reply until its outcome changes.
            var idea = await db.Contributions.SingleAsync(c => c.Id == saturday.Id);
            (idea.ToldAtUtc, idea.ToldOutcome) = (DateTime.UtcNow, OutcomeStatus.PartOfProject);
            await db.SaveChangesAsync();
        });
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/owed")).Body!.TextContent.ShouldNotContain("Open on Saturdays");
        var url = $"{staff.Org}/projects/{project.Id}/deliver";

        using var noSummary = await staff.PostPageAsync(url, new() { ["Summary"] = "" });
        noSummary.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noSummary.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Say what the project did, in plain words", "Write what the people who said these will be told"]);

        using var delivered = await staff.PostPageAsync(url, new()
        {
            ["Summary"] = "The drop-in now opens every Saturday morning, run by peer mentors.",
            ["TellThem"] = "The drop-in opens on Saturdays now, from 10 till 2. Thank you for asking for it.",
        }, [("Done", saturday.Id.ToString())]);

        delivered.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ideas = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().Where(c => c.ProjectId == project.Id).ToListAsync());
        ideas.Single(c => c.Id == saturday.Id).Outcome.ShouldBe(OutcomeStatus.Done);
        ideas.Single(c => c.Id == later.Id).Outcome.ShouldBe(OutcomeStatus.PartOfProject, "unticked stays as it was");
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Set<Project>().AsNoTracking().Include(p => p.Phases).SingleAsync(p => p.Id == project.Id));
        saved.DeliveredAtUtc.ShouldNotBeNull();
        saved.Phases.Single(p => p.Phase == CoPhase.Delivery).Status.ShouldBe(PhaseStatus.Done);
        saved.Phases.Single(p => p.Phase == CoPhase.Assessment).Status.ShouldBe(PhaseStatus.UnderWay);
        (await staff.Client.GetPageAsync($"{staff.Org}/voice/owed")).Body!.TextContent.ShouldContain("Open on Saturdays");
        (await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}")).QuerySelector("#delivery-summary")!.TextContent
            .ShouldBe("The drop-in now opens every Saturday morning, run by peer mentors.");
    }
}
