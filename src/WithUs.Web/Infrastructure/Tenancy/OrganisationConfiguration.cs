using Microsoft.EntityFrameworkCore.Metadata;
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
        builder.Property(o => o.RetentionYears).HasDefaultValue(Organisation.DefaultRetentionYears);
        builder.Property(o => o.PublicPagesOpen).HasDefaultValue(true);
        builder.Property(o => o.TermIndexVersion).HasDefaultValue(0);
        // Triggers move it; a save of the organisation must never write back the number it read.
        var voiceVersion = builder.Property(o => o.VoiceVersion).HasDefaultValue(0L).Metadata;
        voiceVersion.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        voiceVersion.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(o => o.TimeZone).HasMaxLength(Organisation.TimeZoneMaxLength).HasDefaultValue(Organisation.DefaultTimeZone);
    }
}
