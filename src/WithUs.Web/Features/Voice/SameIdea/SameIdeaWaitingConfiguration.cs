using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.SameIdea;

internal sealed class SameIdeaWaitingConfiguration : IEntityTypeConfiguration<SameIdeaWaiting>
{
    public void Configure(EntityTypeBuilder<SameIdeaWaiting> builder)
    {
        builder.ToTable("SameIdeaWaiting");
        // A place in the queue goes with its contribution by a trigger, not a foreign key (migration
        // DerivedRowsFollowByTrigger), which finds it by this index: an import writes one for every new idea.
        builder.HasIndex(w => new { w.OrganisationId, w.ContributionId });
    }
}
