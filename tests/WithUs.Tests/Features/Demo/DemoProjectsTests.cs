using WithUs.Web.Features.Demo;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Actions;
using WithUs.Web.Features.Projects.Decisions;
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

                // The meeting to come: someone WithUs will email and someone to remind by hand; not so soon that the
                // demo emails anyone when it starts.
                var next = meetings.Single(m => m.StartsAtUtc > DateTime.UtcNow);
                next.StartsAtUtc.ShouldBeGreaterThan(DateTime.UtcNow + MeetingReminders.Lead, organisation.Name);
                var reach = await MeetingReminders.ReachAsync(db, db.Set<MeetingInvitee>().Where(i => i.MeetingId == next.Id), CancellationToken.None);
                reach.ShouldContain(r => r.EmailTo != null, organisation.Name);
                reach.ShouldContain(r => r.EmailTo == null && r.IsPartner && !r.HasLeft, organisation.Name);
            });
        }

        var all = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<Boundary>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
        all.ShouldContain(b => b.ReplacesId != null && b.ChangeWhy != null, "a change with why shows in a history");
        var delivered = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<Project>().IgnoreQueryFilters().AsNoTracking().CountAsync(p => p.DeliveredAtUtc != null));
        delivered.ShouldBeGreaterThan(0, "one has delivered");
    }

    [DatabaseFact]
    public async Task EveryDemoProject_HasADecisionLog_WhoseLevelsAreTheRulesOwn_AndWhoseProfilesDiffer()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        var organisations = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
        var profiles = new Dictionary<string, List<ParticipationLevel>>();
        foreach (var organisation in organisations)
        {
            await demo.InOrganisationAsync(new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug), async db =>
            {
                var project = await db.Set<Project>().AsNoTracking().SingleAsync();
                var decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == project.Id).ToListAsync();
                decisions.Count.ShouldBeInRange(4, 6, organisation.Name);
                var team = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == project.Id).ToDictionaryAsync(m => m.Id);
                var present = (await db.Set<DecisionPresent>().AsNoTracking().ToListAsync()).ToLookup(p => p.DecisionId, p => team[p.MemberId]);
                foreach (var d in decisions)
                {
                    d.Level.ShouldBe(ParticipationRule.Derive(d.How, d.PartnersPresent, d.StaffPresent, ParticipationRule.OptionLines(d.Options).Count).Level, d.What);
                    ParticipationRule.Problems(d.How, d.PartnersPresent, d.StaffPresent, d.VotesFor, d.VotesAgainst, d.VotesAbstained).ShouldBeEmpty(d.What);
                    (present[d.Id].Count(m => m.IsPartner), present[d.Id].Count(m => !m.IsPartner)).ShouldBe((d.PartnersPresent, d.StaffPresent), d.What);
                    d.DecidedOn.ShouldBeGreaterThanOrEqualTo(project.CreatedAtUtc.Date, d.What);
                    d.DecidedOn.ShouldBeLessThanOrEqualTo(DateTime.UtcNow.Date.AddDays(1), d.What);
                }

                decisions.Select(d => d.Level).Distinct().Count().ShouldBeGreaterThanOrEqualTo(2, $"{organisation.Name}: a profile tells a story");
                profiles[organisation.Name] = decisions.Select(d => d.Level).ToList();
            });
        }

        profiles.Values.SelectMany(l => l).Distinct().ShouldBe(ParticipationLevelWords.All, ignoreOrder: true, "every rung shows somewhere");
        var harbourLane = profiles["Harbour Lane Day Centre"];
        harbourLane.Count(l => l == ParticipationLevel.CoProduction).ShouldBeGreaterThan(harbourLane.Count / 2, "mostly co-produced");
        harbourLane.Count(l => l == ParticipationLevel.Informing).ShouldBe(1, "staff kept one decision, about keeping people safe");
        var millbrookId = organisations.Single(o => o.Name == "Millbrook Homes").Id;
        var millbrook = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<Decision>().IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.OrganisationId == millbrookId).OrderBy(d => d.DecidedOn).Select(d => d.Level).ToListAsync());
        millbrook.First().ShouldBe(ParticipationLevel.Consultation, "the review consulted residents at first");
        millbrook.Last().IsShared().ShouldBeTrue("and decides with them later");
    }

    [DatabaseFact]
    public async Task EveryDemoProject_HasActions_SomeDoneAndOneOverdue_AndKasiaSeesHers()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        var actions = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Set<ProjectAction>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
        var today = DateTime.UtcNow.Date;
        foreach (var organisation in actions.GroupBy(a => a.OrganisationId))
        {
            organisation.ShouldContain(a => a.DoneAtUtc != null);
            organisation.ShouldContain(a => a.DoneAtUtc == null && a.DueOn < today);
            organisation.ShouldContain(a => a.DoneAtUtc == null && a.DueOn > today.AddDays(1));
        }

        actions.Select(a => a.OrganisationId).Distinct().Count().ShouldBe(DemoSeeder.Organisations.Count);
        var harbour = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Name == "Harbour Lane Day Centre"));
        var kasia = await demo.InOrganisationAsync(new TestOrganisation(harbour.Id, harbour.Name, harbour.Slug),
            db => db.People.AsNoTracking().SingleAsync(p => p.Name == "Kasia Nowak"));
        var hers = await demo.InOrganisationAsync(new TestOrganisation(harbour.Id, harbour.Name, harbour.Slug),
            db => ActionList.OpenForPartnerAsync(db, kasia.UserId!.Value, CancellationToken.None));
        hers.ShouldContain(a => a.What == "Put the take-home checklist into Polish");
    }

    [DatabaseFact]
    public async Task AtLeastThreeDemoProjects_ArePublished_NamingThePartnersWhoAgreedToBeNamed_AndCountingTheRest()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using var visitor = demo.CreateBrowser();

        var organisations = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
        var (published, named, counted) = (0, new List<string>(), new List<string>());
        foreach (var organisation in organisations)
        {
            var (project, partners) = await demo.InOrganisationAsync(new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug), async db =>
            {
                var project = await db.Set<Project>().AsNoTracking().SingleAsync();
                var people = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == project.Id && m.LeftAtUtc == null && m.Person != null)
                    .Select(m => m.Person!).ToListAsync();
                var ids = people.Select(p => p.Id).ToList();
                var answers = await db.Consents.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToListAsync();
                return (project, people.Select(p => (p.Name, new ConsentState(answers.Where(c => c.PersonId == p.Id)).MayBeNamed)).ToList());
            });
            var page = $"/p/{organisation.Slug}/projects/{project.Id}";
            if (!project.IsPublished)
            {
                (await visitor.GetAsync(page)).StatusCode.ShouldBe(HttpStatusCode.NotFound, organisation.Name);
                continue;
            }

            published++;
            project.PublicSummary.ShouldNotBeNullOrWhiteSpace(organisation.Name);
            var html = await visitor.GetStringAsync(page);
            (await visitor.GetPageAsync(page)).QuerySelector("#public-summary")!.TextContent.ShouldBe(project.PublicSummary, organisation.Name);
            foreach (var (name, mayBeNamed) in partners)
            {
                if (mayBeNamed)
                {
                    html.ShouldContain(name, Case.Sensitive, $"{organisation.Name}: {name} agreed to be named");
                    named.Add(name);
                }
                else
                {
                    html.ShouldNotContain(name, Case.Sensitive, $"{organisation.Name}: {name} did not agree to be named");
                    counted.Add(name);
                }
            }
        }

        published.ShouldBeGreaterThanOrEqualTo(3);
        named.ShouldNotBeEmpty("the demo names a partner who agreed");
        counted.ShouldNotBeEmpty("and counts one who did not");
    }
}
