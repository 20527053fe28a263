using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Themes;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Theme.NameMaxLength);
        builder.Property(t => t.Description).HasMaxLength(Theme.DescriptionMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OrganisationId, t.Name }).IsUnique();

        // Kept by the database's triggers alone: EF writes it only as the 0 of a new theme, never from a loaded one.
        builder.Property(t => t.ContributionCount).HasDefaultValue(0)
            .Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
