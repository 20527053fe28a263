using Microsoft.EntityFrameworkCore;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Checks and imports uploaded files in the background. Woken at once by an upload or a confirm on this node; it
/// also looks for work left by any node when it starts and then every <c>Import:SweepSeconds</c> (60 by default;
/// 0 turns the periodic look off, as the tests do so that it never adds to a page's query count). A batch is claimed by a conditional update of its lock, so one worker
/// runs it; if that node dies, the lock runs out and another takes it over (an import is one transaction, so a
/// half-done one left nothing behind).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration,
    ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>Longer than checking or importing the largest file allowed takes.</summary>
    private static readonly TimeSpan Lock = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim wake = new(0);

    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            wake.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Waiting imports could not be read; will try again");
            }

            try
            {
                var sweep = configuration.GetValue("Import:SweepSeconds", 60);
                await wake.WaitAsync(sweep > 0 ? TimeSpan.FromSeconds(sweep) : Timeout.InfiniteTimeSpan, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        List<WaitingImport> waiting;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            waiting = await db.ImportBatchesWaitingAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        foreach (var batch in waiting)
        {
            await RunAsync(batch, cancellationToken);
        }
    }

    private async Task RunAsync(WaitingImport waiting, CancellationToken cancellationToken)
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
