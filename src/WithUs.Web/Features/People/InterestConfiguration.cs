using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

internal sealed class InterestConfiguration : IEntityTypeConfiguration<Interest>
{
    public void Configure(EntityTypeBuilder<Interest> builder)
    {
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Contribution).WithMany().HasForeignKey(i => i.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Theme).WithMany().HasForeignKey(i => i.ThemeId).OnDelete(DeleteBehavior.Cascade);
        // One interest per person per idea, and per theme. Each row names one or the other, and both databases treat
        // nulls in a unique index as distinct, so each index binds only the rows that name its kind of thing.
        builder.HasIndex(i => new { i.PersonId, i.ContributionId }).IsUnique();
        builder.HasIndex(i => new { i.PersonId, i.ThemeId }).IsUnique();
        builder.HasIndex(i => i.ContributionId);
        builder.HasIndex(i => i.ThemeId);
    }
}
