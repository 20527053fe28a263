#pragma warning disable RS0030 // This file is the one allow-listed place that may read across organisations (see BannedSymbols.txt).
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// The only queries that cross organisations. Each returns just what a person may see of their own:
/// their memberships, or the invitation whose secret token they hold. Keep this file short and reviewed.
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
    /// Import files waiting for the background worker in any organisation: only their ids, which the worker then
    /// opens acting in that organisation.
    /// </summary>
    public static Task<List<WaitingImport>> ImportBatchesWaitingAsync(this WithUsDbContext db, DateTime now,
        CancellationToken cancellationToken = default) =>
        db.ImportBatches.IgnoreQueryFilters()
            .AsNoTracking()
            .Where(b => (b.Status == ImportStatus.Checking || b.Status == ImportStatus.Importing)
                        && (b.LockedUntilUtc == null || b.LockedUntilUtc < now))
            .OrderBy(b => b.CreatedAtUtc)
            .Select(b => new WaitingImport(b.Id, b.OrganisationId))
            .Take(10)
            .ToListAsync(cancellationToken);
}
