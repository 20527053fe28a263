using System.Runtime.CompilerServices;
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
    : JobWakingInterceptor<EmbeddingJob>(signals), IFeatureSaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IReadOnlyList<VectorChange>> changes = [];

    protected override async ValueTask<bool> BeforeSaveAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified))
            .ToList();
        var waiting = changed.Count > 0 && model.Enabled;
        if (waiting)
        {
            var edited = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
            if (edited.Count > 0)
            {
                db.ContributionVectors.RemoveRange(await db.ContributionVectors.Where(v => edited.Contains(v.ContributionId)).ToListAsync(cancellationToken));
            }
        }

        var vectors = db.ChangeTracker.Entries<ContributionVector>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => new VectorChange(e.Entity.OrganisationId, e.Entity.ContributionId,
                e.State == EntityState.Added && e.Entity.Model == SentenceModel.Name ? SentenceModel.FromBytes(e.Entity.Vector) : null))
            .Concat(db.ChangeTracker.Entries<Contribution>()
                .Where(e => e.State == EntityState.Deleted)
                .Select(e => new VectorChange(e.Entity.OrganisationId, e.Entity.Id, null)))
            .ToList();
        if (vectors.Count > 0)
        {
            changes.AddOrUpdate(db, vectors);
        }

        return waiting;
    }

    protected override void AfterSave(DbContext db)
    {
        if (!changes.TryGetValue(db, out var saved))
        {
            return;
        }

        changes.Remove(db);
        // Removals first: a vector replaced in one save is both removed and added.
        foreach (var change in saved.Where(c => c.Vector is null))
        {
            held.Removed(change.OrganisationId, change.ContributionId);
        }

        foreach (var change in saved.Where(c => c.Vector is not null))
        {
            held.Saved(change.OrganisationId, change.ContributionId, change.Vector!);
        }
    }

    protected override void AfterFailedSave(DbContext db) => changes.Remove(db);

    /// <summary>A vector a save adds (with its values) or removes (null), or a contribution it deletes.</summary>
    private sealed record VectorChange(Guid OrganisationId, Guid ContributionId, float[]? Vector);
}
