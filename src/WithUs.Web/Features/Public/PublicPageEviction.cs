using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Team;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>
/// Evicts an organisation's cached public pages (<see cref="PublicOutputCachePolicy"/>) when a save may change what
/// they show: anything said (published, unpublished, reworded for the public, a new voice, an outcome), a theme or
/// its links, a person (erased, their voices become anonymous ones; renamed) or their consent (being named on a
/// published project's page), a project or what its public page shows (its phases and their names, what is open and
/// fixed, its decisions, its team), or the organisation itself (its name, its public pages opened or closed). Once the save is done, or, inside a transaction, once it commits: evicted earlier, a
/// request in between could cache what is about to change. Rows written beside the change tracker (an import's new
/// contributions, a "me too" made to stand on its own) reach it as an <see cref="IDirectWriteListener"/>.
/// </summary>
public sealed class PublicPageEviction(IOutputCacheStore cache)
    : SaveChangesInterceptor, IFeatureSaveChangesInterceptor, IDbTransactionInterceptor, IDirectWriteListener
{
    public Task WrittenAsync(Guid organisationId, CancellationToken cancellationToken) =>
        cache.EvictByTagAsync(PublicOutputCachePolicy.Tag(organisationId), cancellationToken).AsTask();

    private readonly ConditionalWeakTable<DbContext, List<object>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransactionAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        await EvictUnlessInTransactionAsync(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => EvictAsync(eventData.Context).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The entities, not yet their organisations: a row added without one is stamped by the write guard, which runs
    /// after this; by the time the save is done it has one.
    /// </summary>
    private void Note(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is Contribution or ContributionTheme or Theme or Organisation or Person or Consent
                        or Project or ProjectPhase or PhaseName or Boundary or Decision or ProjectMember)
            .Select(e => e.Entity)
            .ToList();
        if (changed.Count > 0)
        {
            pending.GetOrCreateValue(db).AddRange(changed);
        }
    }

    private static Guid OrganisationOf(object entity) => entity switch
    {
        Organisation o => o.Id,
        ITenantOwned owned => owned.OrganisationId,
        _ => Guid.Empty,
    };

    private ValueTask EvictUnlessInTransactionAsync(DbContext? db) =>
        db?.Database.CurrentTransaction is null ? EvictAsync(db) : ValueTask.CompletedTask;

    private async ValueTask EvictAsync(DbContext? db)
    {
        if (db is null || !pending.TryGetValue(db, out var changed))
        {
            return;
        }

        pending.Remove(db);
        foreach (var organisation in changed.Select(OrganisationOf).Where(id => id != Guid.Empty).Distinct())
        {
            await cache.EvictByTagAsync(PublicOutputCachePolicy.Tag(organisation), CancellationToken.None);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            pending.Remove(db);
        }
    }
}
