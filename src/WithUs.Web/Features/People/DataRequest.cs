using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

/// <summary>
/// Something a person asked the organisation to do with their data that staff must do for them: for now, to erase
/// their record. It is due a calendar month after it was asked (UK GDPR Article 12(3)) and is on the staff home page
/// until it is done. Once their record is erased the request keeps only when it was asked, when it was due and when it
/// was done, with no one attached.
/// </summary>
public sealed class DataRequest : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>Whose it is; null once their record is erased.</summary>
    public Guid? PersonId { get; set; }

    public DataRequestKind Kind { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    /// <summary>A stored day (<see cref="OrganisationClock.Stored"/>): a calendar month after the day it was asked.</summary>
    public DateTime DueOn { get; set; }

    /// <summary>Null while it waits.</summary>
    public DateTime? DoneAtUtc { get; set; }

    public Guid? DoneByUserId { get; set; }
}

public enum DataRequestKind
{
    Erasure = 0,
}

public static class DataRequestWords
{
    public static string ForThem(this DataRequestKind kind) => kind switch
    {
        _ => "Remove everything about you",
    };

    public static string ForStaff(this DataRequestKind kind) => kind switch
    {
        _ => "Erase their record",
    };
}

internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public const string WaitingFilter = "\"DoneAtUtc\" IS NULL";

    public void Configure(EntityTypeBuilder<DataRequest> builder)
    {
        builder.ToTable("DataRequests");
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.SetNull);
        // One waiting request of each kind per person: asking twice, or twice at once, is one request.
        builder.HasIndex(r => new { r.PersonId, r.Kind }).IsUnique().HasFilter(WaitingFilter);
        builder.HasIndex(r => new { r.OrganisationId, r.DueOn }).HasFilter(WaitingFilter);
    }
}
