using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Keeps the similarity index in step with contribution texts in the same save, so a contribution is findable the
/// moment it exists and never after it is gone (its terms cascade with it). Once such a save succeeds, the
/// organisation's <see cref="TermStatistics"/> are forgotten, so the next suggestion weighs terms on fresh counts.
/// </summary>
public sealed class ContributionIndexer(TermStatistics statistics) : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> changed = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            await IndexAsync(db, cancellationToken);
            Remember(db);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            IndexAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            Remember(db);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>The organisations whose contributions or terms this save changes (a new row is given the current
    /// organisation after this interceptor runs).</summary>
    private void Remember(WithUsDbContext db)
    {
        var organisations = db.ChangeTracker.Entries<Contribution>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.OrganisationId)
            .Concat(db.ChangeTracker.Entries<ContributionTerm>()
                .Where(e => e.State is EntityState.Added or EntityState.Deleted)
                .Select(e => e.Entity.OrganisationId))
            .Select(id => id == Guid.Empty ? db.Tenant.OrganisationId ?? Guid.Empty : id)
            .ToHashSet();
        if (organisations.Count > 0)
        {
            changed.AddOrUpdate(db, organisations);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null && changed.TryGetValue(db, out var organisations))
        {
            changed.Remove(db);
            foreach (var organisationId in organisations)
            {
                statistics.Changed(organisationId);
            }
        }
    }

    private void Drop(DbContext? db)
    {
        if (db is not null)
        {
            changed.Remove(db);
        }
    }

    private static async ValueTask IndexAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<Contribution>().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddTerms(db, entry.Entity);
                    break;
                case EntityState.Modified when entry.Property(c => c.Text).IsModified:
                    var held = await db.ContributionTerms.Where(t => t.ContributionId == entry.Entity.Id).ToListAsync(cancellationToken);
                    ReplaceTerms(db, entry.Entity, held);
                    break;
            }
        }
    }

    /// <summary>Replaces the terms of tracked contributions with the current analyser's (saved by the caller).</summary>
    internal static async Task ReindexAsync(WithUsDbContext db, IReadOnlyCollection<Contribution> contributions,
        CancellationToken cancellationToken)
    {
        var ids = contributions.Select(c => c.Id).ToList();
        var held = (await db.ContributionTerms.Where(t => ids.Contains(t.ContributionId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.ContributionId);
        foreach (var contribution in contributions)
        {
            ReplaceTerms(db, contribution, held[contribution.Id]);
        }
    }

    /// <summary>
    /// Makes a contribution's index rows its text's terms: a row is keyed by its contribution and term, so a term the
    /// new text keeps is left as it is, rather than deleted and added again under the same key.
    /// </summary>
    private static void ReplaceTerms(WithUsDbContext db, Contribution contribution, IEnumerable<ContributionTerm> held)
    {
        var wanted = TermsOf(contribution);
        var kept = held.ToDictionary(t => t.Term, StringComparer.Ordinal);
        db.ContributionTerms.RemoveRange(kept.Values.Where(t => !wanted.Exists(w => w.Term == t.Term)));
        db.ContributionTerms.AddRange(wanted.Where(w => !kept.ContainsKey(w.Term)));
    }

    private static void AddTerms(WithUsDbContext db, Contribution contribution) =>
        db.ContributionTerms.AddRange(TermsOf(contribution));

    /// <summary>
    /// A contribution's index rows, with its <see cref="Contribution.TermCount"/> set: what a save adds, and what is
    /// written without change tracking (an import's new rows, the region benchmark's generator).
    /// </summary>
    public static List<ContributionTerm> TermsOf(Contribution contribution)
    {
        var terms = TextAnalyser.Terms(contribution.Text);
        contribution.TermCount = terms.Count(t => !TextAnalyser.IsSkeleton(t));
        return terms.Select(term => new ContributionTerm
        {
            OrganisationId = contribution.OrganisationId,
            ContributionId = contribution.Id,
            Term = term,
        }).ToList();
    }
}
