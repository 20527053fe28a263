using Microsoft.EntityFrameworkCore.Metadata;
using WithUs.Web.Infrastructure.Auditing;

namespace WithUs.Tests.Infrastructure.Data;

/// <summary>Scans the EF model, so a new entity cannot forget its organisation filter.</summary>
public sealed class TenantModelTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    /// <summary>Entities with an OrganisationId that are deliberately not tenant-owned, each with its reason.</summary>
    private static readonly Dictionary<Type, string> NotTenantOwned = new()
    {
        [typeof(AuditEntry)] = "sign-ins belong to no organisation; audit pages filter by organisation explicitly",
    };

    private List<IEntityType> EntityTypes()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Model.GetEntityTypes().ToList();
    }

    [DatabaseFact]
    public void Model_HasTenantOwnedEntities() =>
        EntityTypes().Count(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).ShouldBeGreaterThan(0);

    [DatabaseFact]
    public void EveryTenantOwnedEntity_HasAQueryFilter()
    {
        var unfiltered = EntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.GetDeclaredQueryFilters().Count == 0)
            .Select(e => e.ClrType.Name)
            .ToList();

        unfiltered.ShouldBeEmpty("these tenant-owned entities have no organisation query filter");
    }

    [DatabaseFact]
    public void EveryTenantOwnedEntity_HasOrganisationIdAsConcurrencyToken()
    {
        var unguarded = EntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)
                        && e.FindProperty(nameof(ITenantOwned.OrganisationId))?.IsConcurrencyToken != true)
            .Select(e => e.ClrType.Name)
            .ToList();

        unguarded.ShouldBeEmpty("OrganisationId must be a concurrency token, so an update of another organisation's row matches nothing");
    }

    [DatabaseFact]
    public void EveryEntityWithOrganisationId_IsTenantOwnedOrAllowListed()
    {
        var suspicious = EntityTypes()
            .Where(e => e.FindProperty(nameof(ITenantOwned.OrganisationId)) is not null
                        && !typeof(ITenantOwned).IsAssignableFrom(e.ClrType)
                        && !NotTenantOwned.ContainsKey(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();

        suspicious.ShouldBeEmpty("these have an OrganisationId but do not implement ITenantOwned: implement it, or allow-list them here with the reason");
    }

    [DatabaseFact]
    public void AllowList_NamesOnlyEntitiesThatExist()
    {
        var types = EntityTypes().Select(e => e.ClrType).ToHashSet();

        NotTenantOwned.Keys.Where(t => !types.Contains(t)).ShouldBeEmpty();
    }
}
