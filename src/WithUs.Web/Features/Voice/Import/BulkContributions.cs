using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Writes an import's new contributions, their themes, their outcome history and their index in bulk (<see cref="BulkInsert"/>): through the
/// change tracker, a 100,000-row file meant EF inserting 1.6 million index rows one entity at a time. Since no save
/// interceptor sees these rows, this does what they would have done: the current organisation on every row, the
/// similarity index (<see cref="ContributionIndexer.TermsOf"/>), new ideas queued for same-idea offers, and, once the
/// import is committed, the term counts forgotten, the <see cref="IDirectWriteListener"/>s told (the public pages'
/// cache) and the embedding and same-idea jobs woken.
/// </summary>
public sealed class BulkContributions(TermStatistics statistics, JobSignals signals, SentenceModel model, IConfiguration configuration,
    IEnumerable<IDirectWriteListener> listeners)
{
    private readonly bool offers = SameIdeaJob.IsOn(configuration);

    /// <summary>New contributions (in the order given, so a "me too" can point at one written before it) and their theme links.</summary>
    public async Task WriteAsync(WithUsDbContext db, IReadOnlyList<Contribution> added, IReadOnlyList<ContributionTheme> themes,
        CancellationToken cancellationToken)
    {
        var organisationId = db.Tenant.RequiredOrganisationId;
        var terms = new List<ContributionTerm>();
        foreach (var contribution in added)
        {
            contribution.OrganisationId = organisationId;
            terms.AddRange(ContributionIndexer.TermsOf(contribution));
        }

        foreach (var link in themes)
        {
            link.OrganisationId = organisationId;
        }

        await BulkInsert.WriteAsync(db, added, cancellationToken);
        await BulkInsert.WriteAsync(db, themes, cancellationToken);

        // An idea that arrives with an outcome begins its history with it, as one saved any other way would.
        await BulkInsert.WriteAsync(db, added
            .Where(c => c.LinkedToId is null && c.Outcome != OutcomeStatus.New)
            .Select(c => Outcomes.OutcomeHistory.Of(c, c.OutcomeAtUtc ?? c.CreatedAtUtc, c.RecordedByUserId))
            .ToList(), cancellationToken);
        // In the order of the index that finds them, so each term's entries are written together, not all over it.
        terms.Sort((a, b) => string.CompareOrdinal(a.Term, b.Term));
        await BulkInsert.WriteAsync(db, terms, cancellationToken);
        if (offers)
        {
            await BulkInsert.WriteAsync(db, added.Where(c => c.LinkedToId is null).Select(SameIdeaWatcher.Waiting).ToList(), cancellationToken);
        }
    }

    /// <summary>The import that wrote them is committed.</summary>
    public async Task CommittedAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        statistics.Changed(organisationId);
        await listeners.WrittenAsync(organisationId, cancellationToken);
        if (model.Enabled)
        {
            signals.Wake<EmbeddingJob>();
        }

        if (offers)
        {
            signals.Wake<SameIdeaJob>();
        }
    }
}
