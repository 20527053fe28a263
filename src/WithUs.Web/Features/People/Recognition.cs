using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

/// <summary>
/// Recognition where no money changes hands (seed 002): a thank-you, a certificate, or a milestone reached (a year as
/// a host), recorded on the person's record. Milestones from the roles they hold are suggested, not only typed.
/// </summary>
public sealed class Recognition : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public RecognitionKind Kind { get; set; }

    /// <summary>What it was for, in a line: "A year as an event host", "Thank you for running the Saturday stall".</summary>
    public required string Title { get; set; }

    /// <summary>The day it was given, as days are stored.</summary>
    public DateTime GivenOn { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int TitleMaxLength = 200;
}

public enum RecognitionKind
{
    Thanks = 0,
    Certificate = 1,
    Milestone = 2,
}

public static class RecognitionWords
{
    public static string Words(this RecognitionKind kind) => kind switch
    {
        RecognitionKind.Thanks => "Thank you",
        RecognitionKind.Certificate => "Certificate",
        _ => "Milestone",
    };

    /// <summary>
    /// Milestones their roles suggest: a year, and each further year, in a role they hold now, unless one with the same
    /// words is already recorded.
    /// </summary>
    public static IReadOnlyList<string> Suggested(IEnumerable<(string Role, DateTime StartedOn, DateTime? EndedOn)> roles,
        IEnumerable<string> recorded, DateOnly today)
    {
        var have = recorded.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var suggestions = new List<string>();
        foreach (var (role, started, ended) in roles.Where(r => r.EndedOn is null))
        {
            var from = OrganisationClock.StoredDay(started);
            var years = today.Year - from.Year - (today < from.AddYears(today.Year - from.Year) ? 1 : 0);
            if (years >= 1)
            {
                var words = years == 1 ? $"A year as {role.ToLowerInvariant()}" : $"{years} years as {role.ToLowerInvariant()}";
                if (!have.Contains(words))
                {
                    suggestions.Add(words);
                }
            }
        }

        return suggestions;
    }
}

internal sealed class RecognitionConfiguration : IEntityTypeConfiguration<Recognition>
{
    public void Configure(EntityTypeBuilder<Recognition> builder)
    {
        builder.ToTable("Recognitions");
        builder.Property(r => r.Title).HasMaxLength(Recognition.TitleMaxLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.PersonId, r.GivenOn });
    }
}
