using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People;

internal sealed class ReachBackConfiguration : IEntityTypeConfiguration<ReachBack>
{
    public void Configure(EntityTypeBuilder<ReachBack> builder)
    {
        builder.Property(r => r.About).HasMaxLength(ReachBack.AboutMaxLength);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(r => r.ContributionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => r.ContributionId);
        builder.HasIndex(r => r.ThemeId);
    }
}
