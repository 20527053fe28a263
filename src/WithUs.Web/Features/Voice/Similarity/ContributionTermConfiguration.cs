using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.Similarity;

internal sealed class ContributionTermConfiguration : IEntityTypeConfiguration<ContributionTerm>
{
    public void Configure(EntityTypeBuilder<ContributionTerm> builder)
    {
        builder.HasKey(t => new { t.ContributionId, t.Term });
        builder.Property(t => t.Term).HasMaxLength(ContributionTerm.TermMaxLength);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(t => t.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OrganisationId, t.Term, t.ContributionId });
    }
}
