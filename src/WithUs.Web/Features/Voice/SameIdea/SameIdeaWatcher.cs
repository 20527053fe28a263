using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// Puts every new or reworded idea in the queue of <see cref="SameIdeaWaiting"/>, in the same save, and wakes
/// <see cref="SameIdeaJob"/> once the save is done: after ideas are indexed by their words, and again after they get
/// their sentence vectors (the job waits for those when the model is on).
/// </summary>
public sealed class SameIdeaWatcher(JobSignals signals) : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    private static readonly object Pending = new();
    private readonly ConditionalWeakTable<DbContext, object> waking = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Queue(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Queue(eventData.Context);
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

    private void Queue(DbContext? context)
    {
        if (context is not WithUsDbContext db)
        {
            return;
        }

        var ideas = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.Entity.LinkedToId is null
                        && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified)))
            .Select(e => e.Entity)
            .ToList();
        foreach (var idea in ideas)
        {
            db.Set<SameIdeaWaiting>().Add(new SameIdeaWaiting { Id = Ids.New(), OrganisationId = idea.OrganisationId, ContributionId = idea.Id });
        }

        if (ideas.Count > 0 || db.ChangeTracker.Entries<ContributionVector>().Any(e => e.State == EntityState.Added))
        {
            waking.AddOrUpdate(db, Pending);
        }
    }

    private void WakeIfPending(DbContext? db)
    {
        if (db is not null && waking.Remove(db))
        {
            signals.Wake<SameIdeaJob>();
        }
    }
}
