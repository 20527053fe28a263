using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Decisions;

internal sealed class DecisionPresentConfiguration : IEntityTypeConfiguration<DecisionPresent>
{
    public void Configure(EntityTypeBuilder<DecisionPresent> builder)
    {
        builder.ToTable("DecisionPresent");
        builder.HasOne<Decision>().WithMany().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProjectMember>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);

        // Each member in the room once.
        builder.HasIndex(p => new { p.DecisionId, p.MemberId }).IsUnique();
        builder.HasIndex(p => p.MemberId);
    }
}
