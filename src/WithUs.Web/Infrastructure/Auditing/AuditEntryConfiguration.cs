using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Infrastructure.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.HasIndex(a => new { a.OrganisationId, a.AtUtc });
        // "Who looked at this person between two dates": one record's entries, newest first (migration AuditByRecord).
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
    }
}
