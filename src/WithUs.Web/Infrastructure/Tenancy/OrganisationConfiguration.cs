using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Infrastructure.Tenancy;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Slug).HasMaxLength(Organisation.SlugMaxLength);
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.BuildUpThreshold).HasDefaultValue(Organisation.DefaultBuildUpThreshold);
        builder.Property(o => o.BuildUpWindowDays).HasDefaultValue(Organisation.DefaultBuildUpWindowDays);
        builder.Property(o => o.ResponseWindowDays).HasDefaultValue(Organisation.DefaultResponseWindowDays);
        builder.Property(o => o.PublicPagesOpen).HasDefaultValue(true);
        builder.Property(o => o.TermIndexVersion).HasDefaultValue(0);
        builder.Property(o => o.TimeZone).HasMaxLength(Organisation.TimeZoneMaxLength).HasDefaultValue(Organisation.DefaultTimeZone);
    }
}
