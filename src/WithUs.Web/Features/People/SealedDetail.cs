using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.People;

/// <summary>
/// Special-category data about a person, sealed with a key kept outside the database (<see cref="Sealer"/>): their
/// equality monitoring answers, and an access need they asked to keep private because it is about their health or
/// housing. One row of each kind at most. Nothing shows it to staff; only counting (<see cref="EqualityMonitoring"/>)
/// and the person's own pages open it.
/// </summary>
public sealed class SealedDetail : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    public SealedDetailKind Kind { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The name of the key it is sealed with, so rotation finds what still uses an old key with one query.</summary>
    public required string KeyName { get; set; }

    public required byte[] Value { get; set; }

    public DateTime AtUtc { get; set; }

    public const int KeyNameLength = 8;

    /// <summary>
    /// What a value is sealed to: it opens only on this person's row of this kind in this organisation, so a value
    /// copied elsewhere is refused.
    /// </summary>
    public static string Context(Guid organisationId, Guid personId, SealedDetailKind kind) =>
        $"withus/{organisationId:N}/{personId:N}/{kind}";
}

public enum SealedDetailKind
{
    EqualityAnswers = 0,

    /// <summary>An access need in their words that is about their health or housing (<see cref="AccessNeed.Other"/>).</summary>
    PrivateAccessNeed = 1,
}

internal sealed class SealedDetailConfiguration : IEntityTypeConfiguration<SealedDetail>
{
    public void Configure(EntityTypeBuilder<SealedDetail> builder)
    {
        builder.ToTable("SealedDetails");
        builder.HasIndex(s => new { s.PersonId, s.Kind }).IsUnique();
        builder.Property(s => s.KeyName).HasMaxLength(SealedDetail.KeyNameLength).IsFixedLength(false);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.KeyName);
    }
}
