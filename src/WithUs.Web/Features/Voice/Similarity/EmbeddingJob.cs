using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Gives every contribution a sentence vector from the current <see cref="SentenceModel"/>: new and edited ones when
/// woken after they are saved, and, at start, those that came before the model (an upgrade) or were embedded by
/// another model. A batch at a time, per organisation. When the model is off or cannot load there is nothing to do,
/// and the jobs page says why.
/// </summary>
public sealed class EmbeddingJob(IServiceScopeFactory scopes, WithUsDbContext db, SentenceModel model) : IJob, IJobProgress
{
    public const string JobName = "similarity-embed";

    /// <summary>Texts embedded and saved together: a few seconds on a small machine, well inside the lease.</summary>
    public const int BatchSize = 64;

    /// <summary>Runs at start unless <c>Similarity:ReindexAtStart</c> is false (the tests, which run it themselves).
    /// Kept on when the model is off, so that the jobs page says so.</summary>
    public static void Schedule(JobSchedule schedule, IConfiguration configuration) =>
        schedule.RunAtStart = configuration.GetValue("Similarity:ReindexAtStart", true);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        if (!model.Available)
        {
            return;
        }

        await EachOrganisation.InBatchesAsync(db, context, EmbedBatchAsync, cancellationToken);
    }

    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        if (model.Problem is { } problem)
        {
            return problem;
        }

        var waiting = 0;
        foreach (var organisationId in await Organisations(cancellationToken))
        {
            using var scope = await InOrganisationAsync(organisationId, cancellationToken);
            waiting += await Waiting(scope.ServiceProvider.GetRequiredService<WithUsDbContext>()).CountAsync(cancellationToken);
        }

        return waiting == 0
            ? "Every contribution has a sentence vector."
            : $"{waiting} {(waiting == 1 ? "contribution" : "contributions")} to give a sentence vector.";
    }

    private Task<List<Guid>> Organisations(CancellationToken cancellationToken) => EachOrganisation.IdsAsync(db, cancellationToken);

    private Task<IServiceScope> InOrganisationAsync(Guid organisationId, CancellationToken cancellationToken) =>
        EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);

    /// <summary>The organisation's contributions with no vector from the current model.</summary>
    private static IQueryable<Contribution> Waiting(WithUsDbContext db) =>
        db.Contributions.Where(c => !db.ContributionVectors.Any(v => v.ContributionId == c.Id && v.Model == SentenceModel.Name));

    /// <summary>Embeds one batch of the organisation's waiting contributions; false when none were left.</summary>
    private async Task<bool> EmbedBatchAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        using var scope = await InOrganisationAsync(organisationId, cancellationToken);
        var scoped = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var batch = await Waiting(scoped)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Text })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0 || model.Embed(batch.Select(c => c.Text).ToList(), cancellationToken) is not { } vectors)
        {
            return false;
        }

        var ids = batch.Select(c => c.Id).ToList();
        scoped.ContributionVectors.RemoveRange(await scoped.ContributionVectors.Where(v => ids.Contains(v.ContributionId)).ToListAsync(cancellationToken));
        for (var i = 0; i < batch.Count; i++)
        {
            scoped.ContributionVectors.Add(new ContributionVector
            {
                Id = Ids.New(),
                ContributionId = batch[i].Id,
                OrganisationId = organisationId,
                Model = SentenceModel.Name,
                Vector = SentenceModel.ToBytes(vectors[i]),
            });
        }

        await scoped.SaveChangesAsync(cancellationToken);
        return true;
    }
}
