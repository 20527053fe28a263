using WithUs.Web.Features.Demo;

namespace WithUs.Tests.Features.Demo;

public sealed class DemoVoiceTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task EveryDemoOrganisation_HasVoiceContent_WithAnIdeaBuildingUp()
    {
        await using var demo = app.Fresh(new Dictionary<string, string?> { ["Database:Demo"] = "true" });
        using (demo.CreateBrowser())
        {
        }

        var organisations = await demo.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking().ToListAsync());
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
}
