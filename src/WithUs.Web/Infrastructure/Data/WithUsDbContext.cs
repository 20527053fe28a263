using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Infrastructure.Data;

public sealed class WithUsDbContext(DbContextOptions<WithUsDbContext> options, TenantContext tenant)
    : IdentityUserContext<ApplicationUser, Guid>(options), IDataProtectionKeyContext
{
    public TenantContext Tenant { get; } = tenant;

    /// <summary>Read by every tenant query filter; EF evaluates it per query, per context instance.</summary>
    internal Guid? CurrentOrganisationId => Tenant.OrganisationId;

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The Data Protection key ring, shared by every app node (the EF store's own entity and table shape).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Contribution> Contributions => Set<Contribution>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<ContributionTheme> ContributionThemes => Set<ContributionTheme>();

    public DbSet<Interest> Interests => Set<Interest>();

    public DbSet<ReachBack> ReachBacks => Set<ReachBack>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<InvolvementRole> InvolvementRoles => Set<InvolvementRole>();

    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();

    public DbSet<RoleRequirement> RoleRequirements => Set<RoleRequirement>();

    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();

    public DbSet<Recognition> Recognitions => Set<Recognition>();

    public DbSet<SealedDetail> SealedDetails => Set<SealedDetail>();

    public DbSet<DataRequest> DataRequests => Set<DataRequest>();

    public DbSet<ContributionTerm> ContributionTerms => Set<ContributionTerm>();

    public DbSet<ContributionVector> ContributionVectors => Set<ContributionVector>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<JobState> JobStates => Set<JobState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each entity's mapping lives beside it, in an IEntityTypeConfiguration<T> of its feature; what every
        // tenant-owned entity shares (the organisation filter, the concurrency token) is applied here, to them all.
        builder.ApplyConfigurationsFromAssembly(typeof(WithUsDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Index words compare byte by byte (migration DerivedRowsFollowByTrigger): the database's own collation
            // costs a locale comparison at every step of the two indexes an import writes most rows to.
            builder.Entity<ContributionTerm>().Property(t => t.Term).UseCollation("C");
        }

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
