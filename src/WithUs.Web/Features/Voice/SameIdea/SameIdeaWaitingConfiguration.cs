using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.SameIdea;

internal sealed class SameIdeaWaitingConfiguration : IEntityTypeConfiguration<SameIdeaWaiting>
{
    public void Configure(EntityTypeBuilder<SameIdeaWaiting> builder)
    {
        builder.ToTable("SameIdeaWaiting");
        builder.HasOne<Contribution>().WithMany().HasForeignKey(w => w.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.OrganisationId, w.ContributionId });
        builder.HasIndex(w => w.ContributionId);
    }
}
