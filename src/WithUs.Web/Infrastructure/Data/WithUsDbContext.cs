using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.Organisations;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Jobs;
using WithUs.Web.Infrastructure.Tenancy;

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

    public DbSet<ContributionTerm> ContributionTerms => Set<ContributionTerm>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<JobState> JobStates => Set<JobState>();

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
            b.Property(o => o.BuildUpThreshold).HasDefaultValue(Organisation.DefaultBuildUpThreshold);
            b.Property(o => o.BuildUpWindowDays).HasDefaultValue(Organisation.DefaultBuildUpWindowDays);
            b.Property(o => o.ResponseWindowDays).HasDefaultValue(Organisation.DefaultResponseWindowDays);
            b.Property(o => o.PublicPagesOpen).HasDefaultValue(true);
            b.Property(o => o.TimeZone).HasMaxLength(Organisation.TimeZoneMaxLength).HasDefaultValue(Organisation.DefaultTimeZone);
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

        ConfigureVoice(builder);

        builder.Entity<ImportBatch>(b =>
        {
            b.Property(i => i.FileName).HasMaxLength(ImportBatch.FileNameMaxLength);
            b.Property(i => i.Message).HasMaxLength(ImportBatch.MessageMaxLength);
            b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => new { i.OrganisationId, i.CreatedAtUtc });
            b.HasIndex(i => i.Status);
        });

        builder.ApplyConfiguration(new JobStateConfiguration());

        ApplyTenantFilters(builder);
    }

    private static void ConfigureVoice(ModelBuilder builder)
    {
        builder.Entity<Person>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
            b.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
            b.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
            b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(p => new { p.OrganisationId, p.Name });
            b.HasIndex(p => new { p.OrganisationId, p.UserId }).IsUnique();
        });

        builder.Entity<Contribution>(b =>
        {
            b.Property(c => c.Text).HasMaxLength(Contribution.TextMaxLength);
            b.Property(c => c.RelayedBy).HasMaxLength(Contribution.RelayedByMaxLength);
            b.Property(c => c.OutcomeExplanation).HasMaxLength(Contribution.ExplanationMaxLength);
            b.Property(c => c.ToldNote).HasMaxLength(Contribution.ToldNoteMaxLength);
            b.Property(c => c.PublicSummary).HasMaxLength(Contribution.PublicSummaryMaxLength);
            b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne(c => c.LinkedTo).WithMany(c => c.Voices).HasForeignKey(c => c.LinkedToId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(c => new { c.OrganisationId, c.CreatedAtUtc });
            b.HasIndex(c => new { c.OrganisationId, c.Outcome });
            b.HasIndex(c => c.PersonId);
            b.HasIndex(c => c.LinkedToId);
            // Lookups by id within the organisation (migration SimilarityIndexes says why SQLite needs them).
            b.HasIndex(c => new { c.OrganisationId, c.Id });
            b.HasIndex(c => new { c.OrganisationId, c.LinkedToId });
        });

        builder.Entity<Theme>(b =>
        {
            b.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength);
            b.Property(t => t.Description).HasMaxLength(Theme.DescriptionMaxLength);
            b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();
        });

        builder.Entity<ContributionTheme>(b =>
        {
            b.HasOne(ct => ct.Contribution).WithMany(c => c.Themes).HasForeignKey(ct => ct.ContributionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(ct => ct.Theme).WithMany().HasForeignKey(ct => ct.ThemeId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(ct => new { ct.ContributionId, ct.ThemeId }).IsUnique();
            b.HasIndex(ct => ct.ThemeId);
        });

        builder.Entity<Interest>(b =>
        {
            b.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(i => i.Contribution).WithMany().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(i => i.Theme).WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => new { i.PersonId, i.ContributionId, i.ThemeId });
            b.HasIndex(i => i.ContributionId);
            b.HasIndex(i => i.ThemeId);
        });

        builder.Entity<ReachBack>(b =>
        {
            b.Property(r => r.About).HasMaxLength(ReachBack.AboutMaxLength);
            b.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Contribution>().WithMany().HasForeignKey(r => r.ContributionId).OnDelete(DeleteBehavior.SetNull);
            b.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.SetNull);
            b.HasIndex(r => r.PersonId);
            b.HasIndex(r => r.ContributionId);
            b.HasIndex(r => r.ThemeId);
        });

        builder.Entity<ContributionTerm>(b =>
        {
            b.Property(t => t.Term).HasMaxLength(ContributionTerm.TermMaxLength);
            b.HasOne<Contribution>().WithMany().HasForeignKey(t => t.ContributionId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(t => new { t.OrganisationId, t.Term, t.ContributionId });
            b.HasIndex(t => t.ContributionId);
        });
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
