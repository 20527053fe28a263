#pragma warning disable RS0030 // This file is the one allow-listed place that may read across organisations (see BannedSymbols.txt).
using System.Linq.Expressions;
using WithUs.Web.Features.Members;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// The only queries that cross organisations. Each returns just what a person may see of their own:
/// their memberships, or the invitation whose secret token they hold; and, for a background worker, the ids
/// of rows waiting for it. Keep this file short and reviewed.
/// </summary>
public static class TenantBypass
{
    public static Task<List<Membership>> MembershipsOfUserAsync(this WithUsDbContext db, Guid userId,
        CancellationToken cancellationToken = default) =>
        db.Memberships.IgnoreQueryFilters()
            .Where(m => m.UserId == userId)
            .Include(m => m.Organisation)
            .OrderBy(m => m.Organisation!.Name)
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public static Task<bool> UserHasStaffRoleAnywhereAsync(this WithUsDbContext db, Guid userId,
        CancellationToken cancellationToken = default) =>
        db.Memberships.IgnoreQueryFilters()
            .AnyAsync(m => m.UserId == userId && m.Role >= OrganisationRole.Staff, cancellationToken);

    public static Task<Invitation?> InvitationByTokenHashAsync(this WithUsDbContext db, string tokenHash,
        CancellationToken cancellationToken = default) =>
        db.Invitations.IgnoreQueryFilters()
            .AsNoTracking()
            .SingleOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);

    /// <summary>
    /// Rows of one kind that wait for background work, in any organisation: only their ids and organisations, which
    /// the worker then opens acting in that organisation (so every read and write after this one is filtered as usual).
    /// </summary>
    public static Task<List<TenantRow>> WaitingInAnyOrganisationAsync<T, TKey>(this WithUsDbContext db,
        Expression<Func<T, bool>> waiting, Expression<Func<T, TKey>> order, int take,
        CancellationToken cancellationToken = default)
        where T : class, ITenantOwned =>
        db.Set<T>().IgnoreQueryFilters()
            .AsNoTracking()
            .Where(waiting)
            .OrderBy(order)
            .Select(r => new TenantRow(r.Id, r.OrganisationId))
            .Take(take)
            .ToListAsync(cancellationToken);
}
