using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.ThroughWhom).HasMaxLength(Consent.ThroughWhomMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
        // A person's answers, newest last for each kind: the record page reads them all in one seek.
        builder.HasIndex(c => new { c.PersonId, c.Kind, c.AtUtc });
    }
}
