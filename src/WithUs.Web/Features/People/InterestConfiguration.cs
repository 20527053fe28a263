using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

internal sealed class InterestConfiguration : IEntityTypeConfiguration<Interest>
{
    public void Configure(EntityTypeBuilder<Interest> builder)
    {
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Contribution).WithMany().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Theme).WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.PersonId, i.ContributionId, i.ThemeId });
        builder.HasIndex(i => i.ContributionId);
        builder.HasIndex(i => i.ThemeId);
    }
}
