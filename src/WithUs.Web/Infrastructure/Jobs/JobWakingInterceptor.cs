using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// A save interceptor that looks at what is about to be saved and, when there is work for a background job in it,
/// wakes that job once the save has succeeded (never before: the job would not see the rows yet).
/// </summary>
public abstract class JobWakingInterceptor<TJob>(JobSignals signals) : SaveChangesInterceptor
    where TJob : IJob
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> waking = [];

    /// <summary>Looks at (and may add to) what is about to be saved; true when <typeparamref name="TJob"/> has work in it.</summary>
    protected abstract ValueTask<bool> BeforeSaveAsync(WithUsDbContext db, CancellationToken cancellationToken);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await MarkAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkAsync(eventData.Context, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return result;
    }

    /// <summary>Once a save has succeeded, for an interceptor that keeps something else in step with it too.</summary>
    protected virtual void AfterSave(DbContext db)
    {
    }

    /// <summary>When a save failed: forget what <see cref="BeforeSaveAsync"/> noted.</summary>
    protected virtual void AfterFailedSave(DbContext db)
    {
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        WakeIfPending(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeIfPending(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async ValueTask MarkAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is WithUsDbContext db && await BeforeSaveAsync(db, cancellationToken))
        {
            waking.AddOrUpdate(db, Pending);
        }
    }

    private void WakeIfPending(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        AfterSave(db);
        if (waking.Remove(db))
        {
            signals.Wake<TJob>();
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            waking.Remove(db);
            AfterFailedSave(db);
        }
    }
}
