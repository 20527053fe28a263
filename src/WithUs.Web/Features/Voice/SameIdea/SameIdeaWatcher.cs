using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// Puts every new or reworded idea in the queue of <see cref="SameIdeaWaiting"/>, in the same save, and wakes
/// <see cref="SameIdeaJob"/> once the save is done: after ideas are indexed by their words, and again after they get
/// their sentence vectors (the job waits for those when the model is on). Does nothing when the installation turned
/// offers off (<see cref="SameIdeaJob.IsOn"/>).
/// </summary>
public sealed class SameIdeaWatcher(JobSignals signals, IConfiguration configuration)
    : JobWakingInterceptor<SameIdeaJob>(signals), IFeatureSaveChangesInterceptor
{
    private readonly bool on = SameIdeaJob.IsOn(configuration);

    protected override ValueTask<bool> BeforeSaveAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        if (!on)
        {
            return ValueTask.FromResult(false);
        }

        var ideas = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.Entity.LinkedToId is null
                        && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(c => c.Text).IsModified)))
            .Select(e => e.Entity)
            .ToList();
        db.Set<SameIdeaWaiting>().AddRange(ideas.Select(Waiting));

        return ValueTask.FromResult(ideas.Count > 0 || db.ChangeTracker.Entries<ContributionVector>().Any(e => e.State == EntityState.Added));
    }

    /// <summary>A new or reworded idea's place in the queue (also where ideas are written in bulk, without this interceptor).</summary>
    internal static SameIdeaWaiting Waiting(Contribution idea) =>
        new() { Id = Ids.New(), OrganisationId = idea.OrganisationId, ContributionId = idea.Id };
}
