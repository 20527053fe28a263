using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Checks and imports uploaded files, as a background job (Infrastructure/Jobs). Woken at once by an upload or a
/// confirm on this node; it also looks for work left by any node when the node starts and then every
/// <c>Import:SweepSeconds</c> (60 by default; 0 turns the periodic look off, as the tests do so that it never adds to
/// a page's query count). Each batch is still claimed by a conditional update of its own lock, so one worker runs it
/// even if a job run outlives its lease; if that node dies, the lock runs out and another takes it over (an import is
/// one transaction, so a half-done one left nothing behind).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, TimeProvider clock, JobSignals signals) : IJob
{
    /// <summary>The job's name in its state row.</summary>
    public const string JobName = "voice-import";

    /// <summary>Longer than checking or importing the largest file allowed takes.</summary>
    public static readonly TimeSpan Lock = TimeSpan.FromMinutes(15);

    /// <summary>When and how the job runs: the periodic look comes from <c>Import:SweepSeconds</c>.</summary>
    public static void Schedule(JobSchedule schedule, IConfiguration configuration)
    {
        var sweep = configuration.GetValue("Import:SweepSeconds", 60);
        schedule.Every = sweep > 0 ? TimeSpan.FromSeconds(sweep) : null;
        schedule.RunAtStart = true;
        schedule.Lease = Lock;
    }

    public void Wake() => signals.Wake(JobName);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        List<WaitingImport> waiting;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            waiting = await db.ImportBatchesWaitingAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        for (var i = 0; i < waiting.Count; i++)
        {
            // Each batch may take up to its own lock, which the lease taken at the claim covers; later ones need more.
            if (i > 0 && !await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }

            var batch = waiting[i];
            await RunBatchAsync(batch, cancellationToken);
        }
    }

    private async Task RunBatchAsync(WaitingImport waiting, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<WithUsDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == waiting.OrganisationId, cancellationToken);
        services.GetRequiredService<TenantContext>().Set(organisation, null);

        var batch = await db.ImportBatches.AsNoTracking()
            .Where(b => b.Id == waiting.Id)
            .Select(b => new { b.Status, b.LockedUntilUtc, b.CreatedByUserId })
            .SingleAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.ImportBatches
            .Where(b => b.Id == waiting.Id && b.Status == batch.Status && b.LockedUntilUtc == batch.LockedUntilUtc
                        && (b.LockedUntilUtc == null || b.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.LockedUntilUtc, now + Lock), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        services.GetRequiredService<ICurrentActor>().ActAs(batch.CreatedByUserId);
        var importer = services.GetRequiredService<VoiceImporter>();
        if (batch.Status == ImportStatus.Checking)
        {
            await importer.CheckAsync(waiting.Id, cancellationToken);
        }
        else if (batch.Status == ImportStatus.Importing)
        {
            await importer.ImportAsync(waiting.Id, cancellationToken);
        }
    }
}
