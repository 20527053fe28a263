using WithUs.Web.Features.Demo;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Tests.Features.Demo;

/// <summary>Every demo organisation has a project from its case study, with its boundaries and what led to it.</summary>
public sealed class DemoProjectsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task EveryDemoOrganisation_HasAProject_WithOpenAndFixedBoundaries_AndTheThingsSaidThatLedToIt_StepByStep()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        var organisations = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
        organisations.Count.ShouldBe(DemoSeeder.Organisations.Count);
        foreach (var organisation in organisations)
        {
            await demo.InOrganisationAsync(new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug), async db =>
            {
                var project = await db.Set<Project>().AsNoTracking().Include(p => p.Phases).SingleAsync();
                project.Phases.Count.ShouldBe(4);
                project.Phases.ShouldContain(p => p.Status == PhaseStatus.UnderWay, organisation.Name);
                var boundaries = await db.Set<Boundary>().AsNoTracking().Where(b => b.EndedAtUtc == null).ToListAsync();
                boundaries.ShouldContain(b => b.Kind == BoundaryKind.Open, organisation.Name);
                boundaries.ShouldContain(b => b.Kind == BoundaryKind.Fixed && b.Reason != null && b.ReasonText != null, organisation.Name);
                var idea = await db.Contributions.AsNoTracking().SingleAsync(c => c.ProjectId == project.Id);
                idea.Outcome.ShouldBeOneOf(OutcomeStatus.PartOfProject, OutcomeStatus.Done);
                var steps = await db.Set<ContributionOutcome>().AsNoTracking().Where(o => o.ContributionId == idea.Id).OrderBy(o => o.AtUtc).ToListAsync();
                steps.Select(s => s.Outcome).Take(2).ShouldBe([OutcomeStatus.BeingConsidered, OutcomeStatus.PartOfProject], organisation.Name);
                steps.ShouldAllBe(s => s.AtUtc >= idea.SaidOnUtc && s.AtUtc <= DateTime.UtcNow);
                steps[^1].Outcome.ShouldBe(idea.Outcome);
                var team = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == project.Id).ToListAsync();
                team.ShouldContain(m => m.UserId != null, organisation.Name);
                team.Count(m => m.PersonId != null).ShouldBeGreaterThanOrEqualTo(2, organisation.Name);
                var rules = await db.Set<GroundRules>().AsNoTracking().Where(g => g.ProjectId == project.Id).ToListAsync();
                rules.ShouldNotBeEmpty(organisation.Name);
                (await db.Set<GroundRulesAgreed>().CountAsync()).ShouldBeGreaterThan(0, organisation.Name);
                var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.ProjectId == project.Id).ToListAsync();
                meetings.ShouldContain(m => m.StartsAtUtc < DateTime.UtcNow && m.Notes != null, organisation.Name);
                meetings.ShouldContain(m => m.StartsAtUtc > DateTime.UtcNow, organisation.Name);
                (await db.Set<MeetingInvitee>().CountAsync(i => i.Attended == true)).ShouldBeGreaterThan(0, organisation.Name);
            });
        }

        var all = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<Boundary>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
        all.ShouldContain(b => b.ReplacesId != null && b.ChangeWhy != null, "a change with why shows in a history");
        var delivered = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<Project>().IgnoreQueryFilters().AsNoTracking().CountAsync(p => p.DeliveredAtUtc != null));
        delivered.ShouldBeGreaterThan(0, "one has delivered");
    }
}
