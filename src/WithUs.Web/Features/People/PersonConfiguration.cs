using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
        builder.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.Property(p => p.PostalAddress).HasMaxLength(Person.PostalAddressMaxLength);
        builder.Property(p => p.ThroughWorker).HasMaxLength(Person.ThroughWorkerMaxLength);
        builder.Property(p => p.Pronouns).HasMaxLength(Person.PronounsMaxLength);
        builder.Property(p => p.Languages).HasMaxLength(Person.LanguagesMaxLength);
        builder.Property(p => p.NotToContact).HasMaxLength(Person.NotToContactMaxLength);
        builder.Property(p => p.InterpreterLanguage).HasMaxLength(Person.InterpreterLanguageMaxLength);
        builder.Property(p => p.OtherAccessNeed).HasMaxLength(Person.OtherAccessNeedMaxLength);
        // People kept before access needs were asked need none (migration PersonNeedsAndWays).
        builder.Property(p => p.AccessNeeds).HasDefaultValue(AccessNeed.None);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.OrganisationId, p.Name });
        builder.HasIndex(p => new { p.OrganisationId, p.UserId }).IsUnique();
        builder.HasIndex(p => new { p.OrganisationId, p.PastRetentionSince }).HasFilter("\"PastRetentionSince\" IS NOT NULL");
    }
}
