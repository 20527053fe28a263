using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// Keeps the similarity index in step with contribution texts in the same save, so a contribution is findable the
/// moment it exists and never after it is gone (its terms cascade with it).
/// </summary>
public sealed class ContributionIndexer : SaveChangesInterceptor, IFeatureSaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            await IndexAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is WithUsDbContext db)
        {
            IndexAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return result;
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
                    var stale = await db.ContributionTerms.Where(t => t.ContributionId == entry.Entity.Id).ToListAsync(cancellationToken);
                    db.ContributionTerms.RemoveRange(stale);
                    AddTerms(db, entry.Entity);
                    break;
            }
        }
    }

    /// <summary>Replaces the terms of tracked contributions with the current analyser's (saved by the caller).</summary>
    internal static async Task ReindexAsync(WithUsDbContext db, IReadOnlyCollection<Contribution> contributions,
        CancellationToken cancellationToken)
    {
        var ids = contributions.Select(c => c.Id).ToList();
        db.ContributionTerms.RemoveRange(await db.ContributionTerms.Where(t => ids.Contains(t.ContributionId)).ToListAsync(cancellationToken));
        foreach (var contribution in contributions)
        {
            AddTerms(db, contribution);
        }
    }

    private static void AddTerms(WithUsDbContext db, Contribution contribution) =>
        db.ContributionTerms.AddRange(TermsOf(contribution));

    /// <summary>
    /// A contribution's index rows, with its <see cref="Contribution.TermCount"/> set: what a save adds, and what a bulk
    /// load (the region benchmark's generator) writes without change tracking.
    /// </summary>
    public static IReadOnlyList<ContributionTerm> TermsOf(Contribution contribution)
    {
        var terms = TextAnalyser.Terms(contribution.Text);
        contribution.TermCount = terms.Count(t => !TextAnalyser.IsSkeleton(t));
        return terms.Select(term => new ContributionTerm
        {
            Id = Ids.New(),
            OrganisationId = contribution.OrganisationId,
            ContributionId = contribution.Id,
            Term = term,
        }).ToList();
    }
}
