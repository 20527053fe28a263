using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Keeps sentence vectors in step with contribution texts: an edited text loses its vector in the same save, and once
/// new or edited texts are saved the <see cref="EmbeddingJob"/> is woken to embed them, off the request (a sentence
/// takes tens of milliseconds; an import brings thousands). Until then they are found by their words. Vectors saved or
/// removed (and contributions deleted) are passed on to <see cref="OrganisationVectors"/> once the save succeeds, so
/// the vectors held in memory stay in step too.
/// </summary>
public sealed class ContributionEmbeddings(SentenceModel model, JobSignals signals, OrganisationVectors held)
    : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

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

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task ForgetStaleAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified))
            .ToList();
        if (changed.Count > 0 && model.Enabled)
        {
            var edited = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
            if (edited.Count > 0)
            {
                db.ContributionVectors.RemoveRange(await db.ContributionVectors.Where(v => edited.Contains(v.ContributionId)).ToListAsync(cancellationToken));
            }
        }

        var vectors = db.ChangeTracker.Entries<ContributionVector>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => (e.Entity.OrganisationId, e.Entity.ContributionId, Vector: e.State == EntityState.Added && e.Entity.Model == SentenceModel.Name
                ? SentenceModel.FromBytes(e.Entity.Vector)
                : null))
            .Concat(db.ChangeTracker.Entries<Contribution>()
                .Where(e => e.State == EntityState.Deleted)
                .Select(e => (e.Entity.OrganisationId, ContributionId: e.Entity.Id, Vector: (float[]?)null)))
            .ToList();
        if (vectors.Count > 0 || (changed.Count > 0 && model.Enabled))
        {
            pending.AddOrUpdate(db, new Pending(changed.Count > 0 && model.Enabled, vectors));
        }
    }

    private void WakeIfPending(DbContext? db)
    {
        if (db is null || !pending.TryGetValue(db, out var saved))
        {
            return;
        }

        pending.Remove(db);
        // Removals first: a vector replaced in one save is both removed and added.
        foreach (var (organisationId, contributionId, _) in saved.Vectors.Where(v => v.Vector is null))
        {
            held.Removed(organisationId, contributionId);
        }

        foreach (var (organisationId, contributionId, vector) in saved.Vectors.Where(v => v.Vector is not null))
        {
            held.Saved(organisationId, contributionId, vector!);
        }

        if (saved.Wake)
        {
            signals.Wake<EmbeddingJob>();
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }

    /// <summary>What one save changed: whether texts wait for a vector, and the vectors added (with their values) or removed.</summary>
    private sealed record Pending(bool Wake, IReadOnlyList<(Guid OrganisationId, Guid ContributionId, float[]? Vector)> Vectors);
}
