using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.OrganisationId, p.Name });
        builder.HasIndex(p => new { p.OrganisationId, p.UserId }).IsUnique();
    }
}
