using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.SameIdea;

internal sealed class SameIdeaOfferConfiguration : IEntityTypeConfiguration<SameIdeaOffer>
{
    public void Configure(EntityTypeBuilder<SameIdeaOffer> builder)
    {
        builder.ToTable("SameIdeaOffers");
        builder.HasOne<Contribution>().WithMany().HasForeignKey(o => o.FirstId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(o => o.SecondId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.OrganisationId, o.FirstId, o.SecondId }).IsUnique();
        builder.HasIndex(o => new { o.OrganisationId, o.Decision, o.Score });
        builder.HasIndex(o => o.FirstId);
        builder.HasIndex(o => o.SecondId);
    }
}
