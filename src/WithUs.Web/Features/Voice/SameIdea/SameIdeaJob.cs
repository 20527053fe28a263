using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// Compares each waiting idea (<see cref="SameIdeaWaiting"/>) with the organisation's other ideas and stores the
/// pairs that very probably say the same thing as offers for staff, off the request. With the sentence model on, an
/// idea waits until it has its vector (the model finds what words miss); with it off, or if it cannot load, ideas
/// are compared by their words as soon as they are saved.
/// </summary>
public sealed class SameIdeaJob(IServiceScopeFactory scopes, WithUsDbContext db, SentenceModel model, IConfiguration configuration)
    : IJob, IJobProgress
{
    public const string JobName = "same-idea-offers";

    /// <summary>Ideas compared between lease renewals: each is one similarity search.</summary>
    public const int BatchSize = 50;

    /// <summary>Runs at start (ideas left waiting by a stopped node) unless <c>Similarity:ReindexAtStart</c> is false.</summary>
    public static void Schedule(JobSchedule schedule, IConfiguration configuration) =>
        schedule.RunAtStart = configuration.GetValue("Similarity:ReindexAtStart", true);

    /// <summary>False when the installation turned the offers off (<c>Similarity:SameIdeaOffers</c>): nothing is queued
    /// or looked for (the tests turn it off, so that no background work adds to a page's query count).</summary>
    public static bool IsOn(IConfiguration configuration) => configuration.GetValue("Similarity:SameIdeaOffers", true);

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        IsOn(configuration) ? EachOrganisation.InBatchesAsync(db, context, CompareBatchAsync, cancellationToken) : Task.CompletedTask;

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        if (!IsOn(configuration))
        {
            return "Turned off (Similarity:SameIdeaOffers is false): no ideas are offered as looking like the same idea.";
        }

        var waiting = 0;
        foreach (var organisationId in await Organisations(cancellationToken))
        {
            using var scope = await InOrganisationAsync(organisationId, cancellationToken);
            waiting += await scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Set<SameIdeaWaiting>()
                .Select(w => w.ContributionId).Distinct().CountAsync(cancellationToken);
        }

        return waiting == 0
            ? "Every idea has been compared with the others for ones that say the same thing."
            : $"{waiting} {(waiting == 1 ? "idea" : "ideas")} to compare with the others for ones that say the same thing.";
    }

    private Task<List<Guid>> Organisations(CancellationToken cancellationToken) => EachOrganisation.IdsAsync(db, cancellationToken);

    private Task<IServiceScope> InOrganisationAsync(Guid organisationId, CancellationToken cancellationToken) =>
        EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);

    /// <summary>Compares one batch of the organisation's ideas that are ready; false when none were.</summary>
    private async Task<bool> CompareBatchAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var scope = await InOrganisationAsync(organisationId, cancellationToken);
        var scoped = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var waiting = scoped.Set<SameIdeaWaiting>().AsQueryable();
        if (model.Available)
        {
            waiting = waiting.Where(w => scoped.ContributionVectors.Any(v => v.ContributionId == w.ContributionId && v.Model == SentenceModel.Name));
        }

        var ready = await waiting.Select(w => w.ContributionId).Distinct().OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
        if (ready.Count == 0)
        {
            return false;
        }

        var finder = scope.ServiceProvider.GetRequiredService<SameIdeaFinder>();
        var ideas = await scoped.Contributions.AsNoTracking()
            .Where(c => ready.Contains(c.Id) && c.LinkedToId == null)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Text })
            .ToListAsync(cancellationToken);
        foreach (var idea in ideas.Where(i => !string.IsNullOrWhiteSpace(i.Text)))
        {
            await finder.OfferAsync(idea.Id, idea.Text, cancellationToken);
        }

        scoped.Set<SameIdeaWaiting>().RemoveRange(
            await scoped.Set<SameIdeaWaiting>().Where(w => ready.Contains(w.ContributionId)).ToListAsync(cancellationToken));
        await scoped.SaveChangesAsync(cancellationToken);
        return true;
    }
}
