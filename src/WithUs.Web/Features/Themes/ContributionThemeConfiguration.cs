using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Themes;

internal sealed class ContributionThemeConfiguration : IEntityTypeConfiguration<ContributionTheme>
{
    public void Configure(EntityTypeBuilder<ContributionTheme> builder)
    {
        builder.HasOne(ct => ct.Contribution).WithMany(c => c.Themes).HasForeignKey(ct => ct.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(ct => ct.Theme).WithMany().HasForeignKey(ct => ct.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(ct => new { ct.ContributionId, ct.ThemeId }).IsUnique();
        builder.HasIndex(ct => ct.ThemeId);
    }
}
