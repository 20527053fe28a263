using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.Voice;

/// <summary>When the analyser's version changes, the background job rebuilds the similarity index of every
/// organisation an older analyser indexed, and says so on the installation's jobs page.</summary>
public sealed class TermReindexJobTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string OldTerm = "madebyanolderanalyser";

    [DatabaseFact]
    public async Task Job_RebuildsEveryContributionOfAnOrganisationOnAnOlderVersion_InBatches_AndLeavesCurrentOnesAlone()
    {
        var stale = await app.CreateOrganisationAsync();
        var current = await app.CreateOrganisationAsync();
        var texts = Enumerable.Range(0, TermReindexJob.BatchSize + 20)
            .Select(i => $"Co-production evenings {i}: accessible information for members, and realistic expectations").ToList();
        foreach (var organisation in new[] { stale, current })
        {
            await SeedWithOldTermsAsync(organisation, texts);
        }

        await SetVersionAsync(stale, TextAnalyser.Version - 1);
        await SetVersionAsync(current, TextAnalyser.Version);
        var user = await app.CreateUserAsync(twoFactor: true, isOperator: true);
        await app.AddMembershipAsync(current, user, OrganisationRole.Administrator);
        using var client = app.CreateBrowser();
        await client.SignInAsync(user);
        (await client.GetPageAsync("/installation/jobs")).QuerySelector($"#job-{TermReindexJob.JobName}")!.TextContent
            .ShouldContain($"similarity index to rebuild for analyser version {TextAnalyser.Version}");

        var outcome = await app.Services.GetRequiredService<JobRunner>().RunIfDueAsync(TermReindexJob.JobName, force: true, CancellationToken.None);

        outcome.Kind.ShouldBe(JobOutcomeKind.Succeeded);
        var expected = TextAnalyser.Terms(texts[0]);
        expected.ShouldContain("coproduct", customMessage: "the current analyser keeps the compound whole");
        await app.InOrganisationAsync(stale, async db =>
        {
            var contributions = await db.Contributions.Select(c => new { c.Id, c.TermCount }).ToListAsync();
            var terms = await db.ContributionTerms.ToListAsync();
            contributions.Count.ShouldBe(texts.Count);
            terms.ShouldNotContain(t => t.Term == OldTerm);
            foreach (var contribution in contributions)
            {
                var its = terms.Where(t => t.ContributionId == contribution.Id).Select(t => t.Term).ToList();
                its.ShouldBe(expected, ignoreOrder: true);
                contribution.TermCount.ShouldBe(expected.Count(t => !TextAnalyser.IsSkeleton(t)));
            }
        });
        await app.InOrganisationAsync(current, async db =>
            (await db.ContributionTerms.CountAsync(t => t.Term == OldTerm)).ShouldBe(texts.Count, "an organisation already on this version is left alone"));
        var versions = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .Where(o => o.Id == stale.Id || o.Id == current.Id).Select(o => o.TermIndexVersion).ToListAsync());
        versions.ShouldAllBe(v => v == TextAnalyser.Version);
        (await client.GetPageAsync("/installation/jobs")).QuerySelector($"#job-{TermReindexJob.JobName}")!.TextContent
            .ShouldContain($"Every organisation's similarity index is on analyser version {TextAnalyser.Version}");
    }

    /// <summary>Contributions whose index rows look as an older analyser left them: other terms, another length.</summary>
    private Task SeedWithOldTermsAsync(TestOrganisation organisation, IReadOnlyList<string> texts) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var when = DateTime.UtcNow.Date;
            var contributions = texts.Select(text => new Contribution
            {
                Id = Guid.CreateVersion7(),
                Text = text,
                Kind = ContributionKind.Idea,
                Channel = Channel.DropIn,
                SaidOnUtc = when,
                CreatedAtUtc = when,
            }).ToList();
            db.Contributions.AddRange(contributions);
            await db.SaveChangesAsync();
            db.ContributionTerms.RemoveRange(await db.ContributionTerms.ToListAsync());
            foreach (var contribution in contributions)
            {
                contribution.TermCount = 1;
                db.ContributionTerms.Add(new ContributionTerm { OrganisationId = organisation.Id, ContributionId = contribution.Id, Term = OldTerm });
            }

            await db.SaveChangesAsync();
        });

    private Task<int> SetVersionAsync(TestOrganisation organisation, int version) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .Where(o => o.Id == organisation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.TermIndexVersion, version)));
}
