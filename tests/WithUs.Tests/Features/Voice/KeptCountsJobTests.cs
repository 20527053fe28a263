using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// The check of what the triggers keep: a contribution's outcome that counts and a theme's count, written wrong around
/// the triggers, are put right by the job, in each organisation, and right ones are left as they are.
/// </summary>
public sealed class KeptCountsJobTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    [DatabaseFact]
    public async Task Job_CorrectsKeptOutcomesAndThemeCounts_ThatDifferFromARecount()
    {
        await using var app = apps.Current.Fresh(new Dictionary<string, string?> { ["Maintenance:KeptCountsEveryHours"] = "24" });
        var wrong = await SeedAsync(app);
        var right = await SeedAsync(app);

        // The run at start would put the values right as soon as they are made wrong: wait for it to be over first.
        await Eventually.TrueAsync(() => app.InScopeAsync(s => s.GetRequiredService<WithUsDbContext>().JobStates.AsNoTracking()
            .AnyAsync(j => j.Name == KeptCountsJob.JobName && j.Runs > 0 && j.LeaseId == null)), "the run at start to finish");
        await app.InOrganisationAsync(wrong.Organisation, async db =>
        {
            // Around the triggers: neither follows a change to the kept values themselves.
            await db.Contributions.Where(c => c.Id == wrong.Voice).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaOutcome, OutcomeStatus.New));
            await db.Themes.Where(t => t.Id == wrong.Theme).ExecuteUpdateAsync(s => s.SetProperty(t => t.ContributionCount, 7));
        });
        (await KeptAsync(app, wrong)).ShouldBe((OutcomeStatus.New, 7));

        await RunAsync(app);

        (await KeptAsync(app, wrong)).ShouldBe((OutcomeStatus.Planned, 2));
        (await KeptAsync(app, right)).ShouldBe((OutcomeStatus.Planned, 2));
    }

    private sealed record Seeded(TestOrganisation Organisation, Guid Voice, Guid Theme);

    private static async Task<Seeded> SeedAsync(WithUsFactory app)
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreateContributionAsync(organisation, "Later opening on Thursdays", c =>
        {
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow;
        });
        var voice = await app.CreateContributionAsync(organisation, "Yes, after work", c => c.LinkedToId = idea.Id);
        var theme = await app.CreateThemeAsync(organisation, "Opening hours");
        await app.AddThemeAsync(organisation, idea.Id, theme.Id);
        await app.AddThemeAsync(organisation, voice.Id, theme.Id);
        return new Seeded(organisation, voice.Id, theme.Id);
    }

    private static Task<(OutcomeStatus Outcome, int ThemeCount)> KeptAsync(WithUsFactory app, Seeded seeded) =>
        app.InOrganisationAsync(seeded.Organisation, async db => (
            await db.Contributions.Where(c => c.Id == seeded.Voice).Select(c => c.IdeaOutcome).SingleAsync(),
            await db.Themes.Where(t => t.Id == seeded.Theme).Select(t => t.ContributionCount).SingleAsync()));

    /// <summary>Runs the job here (the run at start may hold it a moment).</summary>
    private static async Task RunAsync(WithUsFactory app)
    {
        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await runner.RunIfDueAsync(KeptCountsJob.JobName, force: true, CancellationToken.None)).Kind == JobOutcomeKind.Succeeded)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The kept-counts job did not run");
    }
}
