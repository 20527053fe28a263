using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Infrastructure.Email;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> builder)
    {
        builder.Property(e => e.To).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        builder.HasIndex(e => e.SentAtUtc);
    }
}
