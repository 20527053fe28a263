using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// One thing about a project that is open for the group to decide, or fixed, with why (seed 000: being "transparent
/// about what aspects were actually open for discussion and which aspects were non-negotiable"). A boundary is never
/// edited in place: a change ends it and adds the new version (<see cref="ReplacesId"/>, <see cref="ChangeWhy"/>), and
/// removing it ends it with why, so the history of what people were told is kept.
/// </summary>
public sealed class Boundary : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    public BoundaryKind Kind { get; set; }

    /// <summary>What is open or fixed, in plain words: "Which day of the weekend it opens".</summary>
    public required string Text { get; set; }

    /// <summary>For a fixed boundary, what fixes it.</summary>
    public BoundaryReason? Reason { get; set; }

    /// <summary>For a fixed boundary, why, in plain words: "The grant pays for one extra day a week".</summary>
    public string? ReasonText { get; set; }

    public DateTime AddedAtUtc { get; set; }

    public Guid? AddedByUserId { get; set; }

    /// <summary>The version this one replaced, when it is a change.</summary>
    public Guid? ReplacesId { get; set; }

    /// <summary>Why it changed (required on a change), or why it was added after the start (optional).</summary>
    public string? ChangeWhy { get; set; }

    /// <summary>When it stopped standing: changed (a newer version replaces it) or removed. Null while it stands.</summary>
    public DateTime? EndedAtUtc { get; set; }

    public Guid? EndedByUserId { get; set; }

    /// <summary>Why it was removed, when it was removed rather than changed.</summary>
    public string? EndedWhy { get; set; }

    public const int TextMaxLength = 300;
    public const int ReasonTextMaxLength = 500;
    public const int WhyMaxLength = 500;
}

public enum BoundaryKind
{
    /// <summary>The group decides it.</summary>
    Open = 0,

    /// <summary>Not for the group to decide, and why.</summary>
    Fixed = 1,
}

/// <summary>What fixes a boundary: the reasons seed 000's case studies give, and the organisation's own words for any other.</summary>
public enum BoundaryReason
{
    Budget = 0,
    Law = 1,
    Safeguarding = 2,
    Remit = 3,
    FunderCondition = 4,
    Other = 5,
}

public static class BoundaryWords
{
    public static string Words(this BoundaryReason reason) => reason switch
    {
        BoundaryReason.Budget => "The budget",
        BoundaryReason.Law => "The law or regulation",
        BoundaryReason.Safeguarding => "Keeping people safe (safeguarding)",
        BoundaryReason.Remit => "What our organisation is for (our remit)",
        BoundaryReason.FunderCondition => "A funder's condition",
        _ => "Something else",
    };

    public static string Heading(this BoundaryKind kind) => kind switch
    {
        BoundaryKind.Open => "Open: the group decides",
        _ => "Fixed: not for the group to decide",
    };
}

internal sealed class BoundaryConfiguration : IEntityTypeConfiguration<Boundary>
{
    public void Configure(EntityTypeBuilder<Boundary> builder)
    {
        builder.ToTable("ProjectBoundaries");
        builder.Property(b => b.Text).HasMaxLength(Boundary.TextMaxLength);
        builder.Property(b => b.ReasonText).HasMaxLength(Boundary.ReasonTextMaxLength);
        builder.Property(b => b.ChangeWhy).HasMaxLength(Boundary.WhyMaxLength);
        builder.Property(b => b.EndedWhy).HasMaxLength(Boundary.WhyMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.ProjectId, b.AddedAtUtc });

        // A version is replaced once: two people changing the same boundary at once make one change, not two.
        builder.HasIndex(b => b.ReplacesId).IsUnique().HasFilter("\"ReplacesId\" IS NOT NULL");
    }
}
