using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// A project meeting: when, where (the organisation's place or a partner's own, "home turf", seed 000; or online),
/// what the place offers and what is arranged for the people invited, the agenda, the notes and who came.
/// </summary>
public sealed class Meeting : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    public required string Title { get; set; }

    public DateTime StartsAtUtc { get; set; }

    public DateTime EndsAtUtc { get; set; }

    public MeetingFormat Format { get; set; }

    /// <summary>Where, for a meeting in person: "The community room".</summary>
    public string? PlaceName { get; set; }

    public string? PlaceAddress { get; set; }

    /// <summary>A place that belongs to the partners rather than the organisation (their "home turf").</summary>
    public bool IsPartnersPlace { get; set; }

    public string? OnlineLink { get; set; }

    /// <summary>What the place offers and what is arranged for this meeting, checked against what the people invited need.</summary>
    public MeetingSupport Support { get; set; }

    public string? Agenda { get; set; }

    public string? Notes { get; set; }

    /// <summary>Goes up with every change people's calendars should take (RFC 5545 SEQUENCE).</summary>
    public int Sequence { get; set; }

    public DateTime? CancelledAtUtc { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int TitleMaxLength = 120;
    public const int PlaceNameMaxLength = 120;
    public const int PlaceAddressMaxLength = 300;
    public const int OnlineLinkMaxLength = 500;
    public const int AgendaMaxLength = 4000;
    public const int NotesMaxLength = 8000;
}

public enum MeetingFormat
{
    InPerson = 0,
    Online = 1,
    Both = 2,
}

/// <summary>Someone invited to a meeting (a member of the team), whether they came, and whether they were reminded.</summary>
public sealed class MeetingInvitee : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>Null until attendance is taken; then whether they came.</summary>
    public bool? Attended { get; set; }

    /// <summary>When they were last reminded: by hand, or by WithUs's last email to them about this meeting.</summary>
    public DateTime? RemindedAtUtc { get; set; }

    /// <summary>How they were reminded: by email (sent by WithUs) or by hand in their preferred way.</summary>
    public People.ContactMethod? RemindedBy { get; set; }

    /// <summary>
    /// The meeting's <see cref="Meeting.Sequence"/> that WithUs's last email to them described (a reminder, a change or
    /// the cancelling); null while WithUs has not emailed them. Behind it, they are owed an email saying what changed.
    /// </summary>
    public int? EmailedSequence { get; set; }
}

/// <summary>
/// What a partner spent to come to a meeting (travel, childcare), recorded after it so they can be paid back; kept for
/// the true cost of the project (the Resources issue).
/// </summary>
public sealed class MeetingExpense : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    public ExpenseKind Kind { get; set; }

    /// <summary>In pence.</summary>
    public int AmountPence { get; set; }

    public string? Note { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public const int NoteMaxLength = 200;
}

public enum ExpenseKind
{
    Travel = 0,
    Childcare = 1,
    Other = 2,
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("ProjectMeetings");
        builder.Property(m => m.Title).HasMaxLength(Meeting.TitleMaxLength);
        builder.Property(m => m.PlaceName).HasMaxLength(Meeting.PlaceNameMaxLength);
        builder.Property(m => m.PlaceAddress).HasMaxLength(Meeting.PlaceAddressMaxLength);
        builder.Property(m => m.OnlineLink).HasMaxLength(Meeting.OnlineLinkMaxLength);
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.AgendaMaxLength);
        builder.Property(m => m.Notes).HasMaxLength(Meeting.NotesMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ProjectId, m.StartsAtUtc });

        // The reminder job's walk: meetings not cancelled, by when they start, across organisations.
        builder.HasIndex(m => m.StartsAtUtc).HasFilter("\"CancelledAtUtc\" IS NULL");
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> builder)
    {
        builder.ToTable("MeetingInvitees");
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team.ProjectMember>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);

        // Each member invited once.
        builder.HasIndex(i => new { i.MeetingId, i.MemberId }).IsUnique();
        builder.HasIndex(i => i.MemberId);
    }
}

internal sealed class MeetingExpenseConfiguration : IEntityTypeConfiguration<MeetingExpense>
{
    public void Configure(EntityTypeBuilder<MeetingExpense> builder)
    {
        builder.ToTable("MeetingExpenses");
        builder.Property(e => e.Note).HasMaxLength(MeetingExpense.NoteMaxLength);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(e => e.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Team.ProjectMember>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.MeetingId, e.MemberId });
        builder.HasIndex(e => e.MemberId);
    }
}
