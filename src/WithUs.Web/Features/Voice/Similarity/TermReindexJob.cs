using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Rebuilds the similarity index of every organisation whose index an older analyser made (see
/// <see cref="TextAnalyser.Version"/>), a batch of contributions at a time, then records the version on the
/// organisation. Runs when a node starts (a new version arrives with a new release) and when woken. New and edited
/// contributions are indexed with the current analyser as they are saved, so search and suggestions keep working
/// meanwhile, only less well for the older ones.
/// </summary>
public sealed class TermReindexJob(IServiceScopeFactory scopes, WithUsDbContext db) : IJob, IJobProgress
{
    public const string JobName = "similarity-reindex";

    /// <summary>Contributions re-indexed in one save: a few seconds of work, well inside the job's lease.</summary>
    public const int BatchSize = 500;

    /// <summary>Runs at start unless <c>Similarity:ReindexAtStart</c> is false (the tests, which run it themselves).</summary>
    public static void Schedule(JobSchedule schedule, IConfiguration configuration) =>
        schedule.RunAtStart = configuration.GetValue("Similarity:ReindexAtStart", true);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var waiting = await Outdated().OrderBy(o => o.CreatedAtUtc).Select(o => o.Id).ToListAsync(cancellationToken);
        foreach (var organisationId in waiting)
        {
            await ReindexAsync(organisationId, context, cancellationToken);
        }
    }

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var waiting = await Outdated().CountAsync(cancellationToken);
        return waiting == 0
            ? $"Every organisation's similarity index is on analyser version {TextAnalyser.Version}."
            : $"{waiting} {(waiting == 1 ? "organisation's" : "organisations'")} similarity index to rebuild for analyser version {TextAnalyser.Version}.";
    }

    private IQueryable<Organisation> Outdated() =>
        db.Organisations.AsNoTracking().Where(o => o.TermIndexVersion != TextAnalyser.Version);

    private async Task ReindexAsync(Guid organisationId, JobContext context, CancellationToken cancellationToken)
    {
        for (var batch = 0; ; batch++)
        {
            if (batch > 0 && !await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }

            using var scope = scopes.CreateScope();
            var scoped = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            var organisation = await scoped.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, null);

            // Contribution ids are time-ordered, so those saved meanwhile come last and shift no page; they were
            // indexed by the current analyser anyway.
            var contributions = await scoped.Contributions
                .OrderBy(c => c.Id)
                .Skip(batch * BatchSize)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (contributions.Count == 0)
            {
                organisation.TermIndexVersion = TextAnalyser.Version;
                await scoped.SaveChangesAsync(cancellationToken);
                return;
            }

            await ContributionIndexer.ReindexAsync(scoped, contributions, cancellationToken);
            await scoped.SaveChangesAsync(cancellationToken);
        }
    }
}
