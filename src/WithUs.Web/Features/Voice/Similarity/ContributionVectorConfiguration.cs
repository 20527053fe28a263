using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.Similarity;

internal sealed class ContributionVectorConfiguration : IEntityTypeConfiguration<ContributionVector>
{
    public void Configure(EntityTypeBuilder<ContributionVector> builder)
    {
        builder.Property(v => v.Model).HasMaxLength(ContributionVector.ModelMaxLength);
        builder.HasOne<Contribution>().WithOne().HasForeignKey<ContributionVector>(v => v.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.ContributionId).IsUnique();
        builder.HasIndex(v => new { v.OrganisationId, v.Model, v.ContributionId });
    }
}
