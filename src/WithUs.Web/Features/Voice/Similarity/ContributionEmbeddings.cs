using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Keeps sentence vectors in step with contribution texts: an edited text loses its vector in the same save, and once
/// new or edited texts are saved the <see cref="EmbeddingJob"/> is woken to embed them, off the request (a sentence
/// takes tens of milliseconds; an import brings thousands). Until then they are found by their words.
/// </summary>
public sealed class ContributionEmbeddings(SentenceModel model, JobSignals signals)
    : JobWakingInterceptor<EmbeddingJob>(signals), IFeatureSaveChangesInterceptor
{
    protected override async ValueTask<bool> BeforeSaveAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified))
            .ToList();
        if (changed.Count == 0 || !model.Enabled)
        {
            return false;
        }

        var edited = changed.Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        if (edited.Count > 0)
        {
            db.ContributionVectors.RemoveRange(await db.ContributionVectors.Where(v => edited.Contains(v.ContributionId)).ToListAsync(cancellationToken));
        }

        return true;
    }
}
