using WithUs.Web.Features.Demo;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Demo;

public sealed class DemoVoiceTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task EveryDemoOrganisation_HasVoiceContent_WithAnIdeaBuildingUp()
    {
        await using var demo = Demo();
        var organisations = await OrganisationsAsync(demo);
        organisations.Count.ShouldBe(DemoSeeder.Organisations.Count);
        foreach (var organisation in organisations)
        {
            var test = new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug);
            var since = DateTime.UtcNow.Date.AddDays(-organisation.BuildUpWindowDays);
            await demo.InOrganisationAsync(test, async db =>
            {
                var contributions = await db.Contributions.AsNoTracking().ToListAsync();
                contributions.Count.ShouldBeInRange(20, 40, organisation.Name);
                var roots = contributions.Where(c => c.LinkedToId == null).ToList();
                var recent = contributions.Where(c => c.SaidOnUtc >= since).ToList();
                var voices = roots.Select(r => recent.Where(c => c.Id == r.Id || c.LinkedToId == r.Id)
                    .Select(c => c.PersonId?.ToString() ?? c.Id.ToString()).Distinct().Count()).Max();
                voices.ShouldBeGreaterThanOrEqualTo(organisation.BuildUpThreshold, $"{organisation.Name}: an idea builds up");
                roots.ShouldContain(c => c.Outcome == OutcomeStatus.Done && c.ToldAtUtc != null);
                roots.ShouldContain(c => c.Outcome == OutcomeStatus.NotPossible && c.NotPossibleReason != null && c.OutcomeExplanation != null);
                var published = roots.Where(c => c.IsPublished).ToList();
                published.ShouldContain(c => c.Outcome == OutcomeStatus.Done && c.PublicOutcome != null, $"{organisation.Name}: something done, told publicly");
                published.ShouldContain(c => c.Outcome != OutcomeStatus.Done, $"{organisation.Name}: an idea the public can still add their voice to");
                published.ShouldAllBe(c => c.PublicSummary != null && c.PublicSummary != c.PublicOutcome);
                published.ShouldAllBe(c => c.PublicOutcome == null || c.PublicOutcome != c.OutcomeExplanation,
                    "what is published is written for the public, not copied from what the person was told");
                (await db.Interests.CountAsync()).ShouldBeGreaterThan(0);
                (await db.Themes.CountAsync()).ShouldBeGreaterThan(3);
                (await db.People.AllAsync(p => p.ConsentToRecord)).ShouldBeTrue();
                (await db.People.CountAsync(p => p.UserId != null)).ShouldBeGreaterThan(0, "partners see their own words");
                (await db.ContributionTerms.CountAsync()).ShouldBeGreaterThan(0, "demo content is indexed for similarity");
            });
        }
    }

    /// <summary>In each demo organisation, typing something like an earlier idea offers that idea's themes.</summary>
    [DatabaseFact]
    public async Task EveryDemoOrganisation_OffersTheThemesOfAnEarlierIdeaLikeWhatIsTyped_AndDescribesEachTheme()
    {
        await using var demo = Demo();
        (string Organisation, string Typed, string[] Themes)[] examples =
        [
            ("Harbour Lane Day Centre", "a hot breakfast every morning please", ["Food"]),
            ("Evergreen Social Club", "could a minibus bring us to the club", ["Getting here"]),
            ("Brookside Community Network", "more badminton evenings please", ["Sport and exercise", "Women only"]),
            ("Open Arms Cancer Support", "a peer support group in the evening", ["Peer support"]),
            ("Millbrook Homes", "the grant form is too long for our small group", ["Community grants"]),
        ];
        examples.Select(e => e.Organisation).ShouldBe(DemoSeeder.Organisations.Select(o => o.Name));
        var organisations = await OrganisationsAsync(demo);
        foreach (var (name, typed, themes) in examples)
        {
            var organisation = organisations.Single(o => o.Name == name);
            var offered = await demo.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
                var db = services.GetRequiredService<WithUsDbContext>();
                (await db.Themes.CountAsync(t => t.Description == null)).ShouldBe(0, $"{name}: every theme says what it is for");
                var similar = await services.GetRequiredService<SimilarContributions>().FindAsync(typed, ThemeSuggestions.IdeasConsidered);
                return await services.GetRequiredService<ThemeSuggestions>().SuggestAsync(typed, similar);
            });

            offered.Select(t => t.Name).ShouldBe(themes, ignoreOrder: true, $"{name}: \"{typed}\"");
        }
    }

    [DatabaseFact]
    public async Task EveryDemoOrganisation_OffersAnIdeaSaidAgainInOtherWords_OnTheStaffHome()
    {
        await using var demo = Demo();
        var organisations = await OrganisationsAsync(demo);
        var missing = new List<string>();
        for (var i = 0; i < DemoSeeder.Organisations.Count; i++)
        {
            var organisation = organisations.Single(o => o.Name == DemoSeeder.Organisations[i].Name);
            var said = DemoSameIdea.ForOrganisations[i].ShouldHaveSingleItem();
            var offered = await demo.InOrganisationAsync(new TestOrganisation(organisation.Id, organisation.Name, organisation.Slug), async db =>
            {
                var ids = await db.Contributions.Where(c => c.Text == said.Text || c.Text == said.Echoes).Select(c => c.Id).ToListAsync();
                ids.Count.ShouldBe(2, organisation.Name);
                var (first, second) = SameIdeaOffer.Pair(ids[0], ids[1]);
                return await db.Set<SameIdeaOffer>().AnyAsync(o => o.FirstId == first && o.SecondId == second && o.Decision == SameIdeaDecision.Offered);
            });
            var candidates = await demo.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation, null);
                var db = services.GetRequiredService<WithUsDbContext>();
                var id = await db.Contributions.Where(c => c.Text == said.Text).Select(c => c.Id).SingleAsync();
                var found = await services.GetRequiredService<SameIdeaFinder>().CandidatesAsync(id, said.Text, byMeaning: false, CancellationToken.None);
                return string.Join("; ", found.Select(f => $"{f.Score:0.000} {f.Text}"));
            });
            if (!offered)
            {
                missing.Add($"{organisation.Name}: \"{said.Text}\" is offered beside \"{said.Echoes}\" (found by words: {candidates})");
            }
        }

        missing.ShouldBeEmpty();
    }

    /// <summary>Each demo organisation has enough equality monitoring answers for the counts to show, with some hidden.</summary>
    [DatabaseFact]
    public async Task EveryDemoOrganisation_CountsEqualityMonitoringAnswers_HidingSmallNumbers()
    {
        await using var demo = Demo();
        foreach (var organisation in await OrganisationsAsync(demo))
        {
            var counts = await demo.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation, null);
                return await services.GetRequiredService<EqualityMonitoring>().CountAsync(CancellationToken.None);
            });
            counts.People.ShouldBeGreaterThanOrEqualTo(SmallNumbers.Threshold, organisation.Name);
            counts.Unreadable.ShouldBe(0);
            counts.Questions.SelectMany(q => q.Counts).ShouldContain(c => c.Shown == null, organisation.Name);
        }
    }

    /// <summary>Each demo organisation has someone it has not heard from in over three years, and only them, for retention.</summary>
    [DatabaseFact]
    public async Task EveryDemoOrganisation_HasOnePersonPastTheTimeItKeepsPeople()
    {
        await using var demo = Demo();
        foreach (var organisation in await OrganisationsAsync(demo))
        {
            var past = await demo.InScopeAsync(async services =>
            {
                services.GetRequiredService<TenantContext>().Set(organisation, null);
                var db = services.GetRequiredService<WithUsDbContext>();
                await RetentionJob.MarkAsync(db, organisation, OrganisationClock.For(organisation, TimeProvider.System), CancellationToken.None);
                return await db.People.Where(p => p.PastRetentionSince != null).CountAsync();
            });
            past.ShouldBe(1, organisation.Name);
        }
    }

    /// <summary>An app of its own whose first request fills the demo organisations.</summary>
    private WithUsFactory Demo()
    {
        var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        return demo;
    }

    private static Task<List<Organisation>> OrganisationsAsync(WithUsFactory demo) =>
        demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
}
