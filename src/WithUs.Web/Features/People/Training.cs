using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

/// <summary>
/// Training or a check a role needs (seeds 000/001: training only where partners deliver the service), for example
/// safeguarding and a DBS check for peer mentors, food hygiene for event hosts; and how long it lasts. Roles for
/// co-design need none, which is where every role starts.
/// </summary>
public sealed class RoleRequirement : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid RoleId { get; set; }

    public required string Name { get; set; }

    /// <summary>How many months it lasts from the day it was done; null when it does not run out.</summary>
    public int? LastsMonths { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int NameMaxLength = 100;
    public const int MaxMonths = 120;
}

/// <summary>Someone did the training or passed the check on a day; it runs out on a day, or never.</summary>
public sealed class TrainingRecord : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RequirementId { get; set; }

    /// <summary>A stored day (<see cref="OrganisationClock.Stored"/>).</summary>
    public DateTime DoneOn { get; set; }

    public DateTime? ExpiresOn { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class RoleRequirementConfiguration : IEntityTypeConfiguration<RoleRequirement>
{
    public void Configure(EntityTypeBuilder<RoleRequirement> builder)
    {
        builder.ToTable("RoleRequirements");
        builder.Property(r => r.Name).HasMaxLength(RoleRequirement.NameMaxLength);
        builder.HasOne<InvolvementRole>().WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Cascade);
        // One name once for a role: the database decides when two administrators add the same at once.
        builder.HasIndex(r => new { r.RoleId, r.Name }).IsUnique();
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.ToTable("TrainingRecords");
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoleRequirement>().WithMany().HasForeignKey(r => r.RequirementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PersonId, r.RequirementId, r.DoneOn });
        builder.HasIndex(r => r.RequirementId);
    }
}

/// <summary>Where one person stands on one thing a role of theirs needs.</summary>
public enum TrainingStatus
{
    NotDone = 0,
    Expired = 1,
    DueSoon = 2,
    Current = 3,
}

/// <summary>One thing a role someone holds now needs, and where they stand on it.</summary>
public sealed record TrainingNeed(Guid PersonId, string PersonName, Guid RequirementId, string Requirement, string Role,
    DateTime? DoneOn, DateTime? ExpiresOn, TrainingStatus Status)
{
    public bool IsDue => Status != TrainingStatus.Current;
}

/// <summary>
/// What the roles people hold now need, against what they have done: for one person's record, and for the staff home
/// page's list of what is due (not done, expired, or running out within <see cref="DueSoonDays"/> days).
/// </summary>
public static class TrainingNeeds
{
    public const int DueSoonDays = 30;

    public static async Task<IReadOnlyList<TrainingNeed>> ForAsync(WithUsDbContext db, DateOnly today, Guid? personId,
        CancellationToken cancellationToken)
    {
        var held = db.PersonRoles.Where(h => h.EndedOn == null);
        if (personId is { } id)
        {
            held = held.Where(h => h.PersonId == id);
        }

        var needed = await (
                from h in held
                join r in db.RoleRequirements on h.RoleId equals r.RoleId
                join p in db.People on h.PersonId equals p.Id
                select new { h.PersonId, PersonName = p.Name, RequirementId = r.Id, Requirement = r.Name, Role = h.Role!.Name })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (needed.Count == 0)
        {
            return [];
        }

        var people = needed.Select(n => n.PersonId).Distinct().ToList();
        var records = await db.TrainingRecords.AsNoTracking()
            .Where(t => people.Contains(t.PersonId))
            .Select(t => new { t.PersonId, t.RequirementId, t.DoneOn, t.ExpiresOn })
            .ToListAsync(cancellationToken);
        var latest = records
            .GroupBy(t => (t.PersonId, t.RequirementId))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.DoneOn).First());
        var todayStored = OrganisationClock.Stored(today);
        return needed
            .Select(n =>
            {
                latest.TryGetValue((n.PersonId, n.RequirementId), out var done);
                var status = done is null ? TrainingStatus.NotDone
                    : done.ExpiresOn is not { } expires ? TrainingStatus.Current
                    : expires < todayStored ? TrainingStatus.Expired
                    : expires <= todayStored.AddDays(DueSoonDays) ? TrainingStatus.DueSoon
                    : TrainingStatus.Current;
                return new TrainingNeed(n.PersonId, n.PersonName, n.RequirementId, n.Requirement, n.Role, done?.DoneOn, done?.ExpiresOn, status);
            })
            .OrderBy(n => n.Status).ThenBy(n => n.ExpiresOn).ThenBy(n => n.PersonName, StringComparer.CurrentCulture).ThenBy(n => n.Requirement)
            .ToList();
    }

    public static string Words(this TrainingNeed need) => need.Status switch
    {
        TrainingStatus.NotDone => "Not done",
        TrainingStatus.Expired => $"Ran out on {OrganisationClock.DayWords(need.ExpiresOn!.Value)}",
        TrainingStatus.DueSoon => $"Runs out on {OrganisationClock.DayWords(need.ExpiresOn!.Value)}",
        _ => need.ExpiresOn is { } until
            ? $"Done {OrganisationClock.DayWords(need.DoneOn!.Value)}, until {OrganisationClock.DayWords(until)}"
            : $"Done {OrganisationClock.DayWords(need.DoneOn!.Value)}",
    };

    public static string Tag(this TrainingStatus status) => status switch
    {
        TrainingStatus.NotDone => "govuk-tag--grey",
        TrainingStatus.Expired => "govuk-tag--red",
        TrainingStatus.DueSoon => "govuk-tag--yellow",
        _ => "govuk-tag--green",
    };

    public static string Label(this TrainingStatus status) => status switch
    {
        TrainingStatus.NotDone => "Not done",
        TrainingStatus.Expired => "Expired",
        TrainingStatus.DueSoon => "Due soon",
        _ => "Done",
    };
}
