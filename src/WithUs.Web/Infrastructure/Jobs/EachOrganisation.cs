namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// For a job that works through every organisation acting in each one, so that every read and write is filtered as
/// usual (no cross-organisation query outside TenantBypass): a small installation has a handful.
/// </summary>
public static class EachOrganisation
{
    /// <summary>Every organisation's id, oldest first.</summary>
    public static Task<List<Guid>> IdsAsync(WithUsDbContext db, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.CreatedAtUtc).Select(o => o.Id).ToListAsync(cancellationToken);

    /// <summary>A new scope acting in the organisation, as the system (no role).</summary>
    public static async Task<IServiceScope> ScopeAsync(IServiceScopeFactory scopes, Guid organisationId, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Organisations.AsNoTracking()
            .SingleAsync(o => o.Id == organisationId, cancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, null);
        return scope;
    }

    /// <summary>Runs <paramref name="batch"/> for each organisation until it says none was left, renewing the job's
    /// lease between batches; stops when the lease is lost.</summary>
    public static async Task InBatchesAsync(WithUsDbContext db, JobContext context,
        Func<Guid, CancellationToken, Task<bool>> batch, CancellationToken cancellationToken)
    {
        foreach (var organisationId in await IdsAsync(db, cancellationToken))
        {
            while (await batch(organisationId, cancellationToken))
            {
                if (!await context.RenewLeaseAsync(cancellationToken))
                {
                    return;
                }
            }
        }
    }
}
