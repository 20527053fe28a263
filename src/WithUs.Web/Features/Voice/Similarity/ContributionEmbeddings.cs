using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Keeps sentence vectors in step with contribution texts: an edited text loses its vector in the same save, and once
/// new or edited texts are saved the <see cref="EmbeddingJob"/> is woken to embed them, off the request (a sentence
/// takes tens of milliseconds; an import brings thousands). Until then they are found by their words.
/// </summary>
public sealed class ContributionEmbeddings(SentenceModel model, JobSignals signals) : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> waking = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            await ForgetStaleAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            ForgetStaleAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
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

    private async Task ForgetStaleAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified))
            .ToList();
        if (changed.Count == 0 || !model.Enabled)
        {
            return;
        }

        var edited = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (edited.Count > 0)
        {
            db.ContributionVectors.RemoveRange(await db.ContributionVectors.Where(v => edited.Contains(v.ContributionId)).ToListAsync(cancellationToken));
        }

        waking.AddOrUpdate(db, Pending);
    }

    private void WakeIfPending(DbContext? db)
    {
        if (db is not null && waking.Remove(db))
        {
            signals.Wake<EmbeddingJob>();
        }
    }
}
