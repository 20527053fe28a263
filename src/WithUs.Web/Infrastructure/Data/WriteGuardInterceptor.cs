using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// Runs before every save. Query filters only guard reads, so this guards writes: new tenant-owned rows are stamped
/// with the current organisation, and a change to a row of another organisation is refused. Because
/// OrganisationId is also a concurrency token, an UPDATE or DELETE of a stub whose real row lives in another
/// organisation matches no row and fails. It also writes the audit trail of changes to personal data.
/// </summary>
public sealed class WriteGuardInterceptor(TimeProvider clock, ICurrentActor actor) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Housekeeping = new(StringComparer.Ordinal)
    {
        "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd", "SecurityStamp",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Guard(DbContext? context)
    {
        if (context is not WithUsDbContext db)
        {
            return;
        }

        var tenantId = db.CurrentOrganisationId;
        var audits = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ITenantOwned owned)
            {
                GuardTenant(entry, owned, tenantId);
            }

            if (entry.Entity is IAudited && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var audit = Describe(entry, tenantId);
                if (audit is not null)
                {
                    audits.Add(audit);
                }
            }
        }

        db.AuditEntries.AddRange(audits);
    }

    private static void GuardTenant(EntityEntry entry, ITenantOwned owned, Guid? tenantId)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                if (tenantId is null)
                {
                    throw new CrossTenantWriteException($"Cannot add {entry.Metadata.ClrType.Name} outside an organisation.");
                }

                if (owned.OrganisationId == Guid.Empty)
                {
                    owned.OrganisationId = tenantId.Value;
                }
                else if (owned.OrganisationId != tenantId)
                {
                    throw new CrossTenantWriteException($"Cannot add {entry.Metadata.ClrType.Name} to another organisation.");
                }

                break;

            case EntityState.Modified:
            case EntityState.Deleted:
                var property = entry.Property(nameof(ITenantOwned.OrganisationId));
                var original = (Guid)property.OriginalValue!;
                if (tenantId is null || original != tenantId || owned.OrganisationId != tenantId)
                {
                    throw new CrossTenantWriteException(
                        $"Cannot change {entry.Metadata.ClrType.Name} of another organisation.");
                }

                break;
        }
    }

    private AuditEntry? Describe(EntityEntry entry, Guid? tenantId)
    {
        string? details = null;
        if (entry.State == EntityState.Modified)
        {
            var changed = entry.Properties
                .Where(p => p.IsModified && !Housekeeping.Contains(p.Metadata.Name))
                .Select(p => p.Metadata.Name)
                .ToList();
            if (changed.Count == 0)
            {
                return null;
            }

            details = "Changed: " + string.Join(", ", changed);
        }

        var key = entry.Metadata.FindPrimaryKey()?.Properties
            .Select(p => entry.Property(p.Name).CurrentValue?.ToString())
            .FirstOrDefault();
        var organisationId = entry.Entity is ITenantOwned owned ? owned.OrganisationId : tenantId;
        return new AuditEntry
        {
            Id = Ids.New(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            OrganisationId = organisationId == Guid.Empty ? tenantId : organisationId,
            ActorUserId = actor.UserId,
            Action = entry.State switch
            {
                EntityState.Added => "Created",
                EntityState.Deleted => "Deleted",
                _ => "Updated",
            },
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = key,
            Details = details,
        };
    }
}
