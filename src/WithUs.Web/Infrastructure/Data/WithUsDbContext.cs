using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.Organisations;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Security;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Web.Infrastructure.Data;

public sealed class WithUsDbContext(DbContextOptions<WithUsDbContext> options, TenantContext tenant)
    : IdentityUserContext<ApplicationUser, Guid>(options)
{
    public TenantContext Tenant { get; } = tenant;

    /// <summary>Read by every tenant query filter; EF evaluates it per query, per context instance.</summary>
    internal Guid? CurrentOrganisationId => Tenant.OrganisationId;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        });

        builder.Entity<Organisation>(b =>
        {
            b.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
            b.Property(o => o.Slug).HasMaxLength(Organisation.SlugMaxLength);
            b.HasIndex(o => o.Slug).IsUnique();
        });

        builder.Entity<Membership>(b =>
        {
            b.HasOne(m => m.Organisation).WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
        });

        builder.Entity<Invitation>(b =>
        {
            b.Property(i => i.Email).HasMaxLength(256);
            b.Property(i => i.NormalizedEmail).HasMaxLength(256);
            b.Property(i => i.TokenHash).HasMaxLength(64);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.HasIndex(i => new { i.OrganisationId, i.NormalizedEmail });
            b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxEmail>(b =>
        {
            b.Property(e => e.To).HasMaxLength(256);
            b.Property(e => e.Subject).HasMaxLength(200);
            b.Property(e => e.LastError).HasMaxLength(1000);
            b.HasIndex(e => e.SentAtUtc);
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.EntityId).HasMaxLength(100);
            b.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
            b.HasIndex(a => new { a.OrganisationId, a.AtUtc });
        });

        builder.Entity<DataProtectionKey>(b =>
        {
            b.Property(k => k.FriendlyName).HasMaxLength(200);
        });

        ApplyTenantFilters(builder);
    }

    private void ApplyTenantFilters(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var method = typeof(WithUsDbContext)
                .GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType);
            var filter = (LambdaExpression)method.Invoke(this, null)!;
            builder.Entity(entityType.ClrType).HasQueryFilter(filter);
            builder.Entity(entityType.ClrType).Property(nameof(ITenantOwned.OrganisationId)).IsConcurrencyToken();
        }
    }

    private Expression<Func<T, bool>> TenantFilter<T>()
        where T : ITenantOwned
        => e => CurrentOrganisationId != null && e.OrganisationId == CurrentOrganisationId;
}
