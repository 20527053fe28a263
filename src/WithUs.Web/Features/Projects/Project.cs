using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// A piece of co-production, from the first idea to its review: the four Co's (<see cref="CoPhase"/>), what is open
/// for the group to decide and what is fixed (<see cref="Boundary"/>), and the things people said that led to it
/// (<see cref="Contribution.ProjectId"/>).
/// </summary>
public sealed class Project : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>A short name people will recognise: "Saturday opening".</summary>
    public required string Title { get; set; }

    /// <summary>What it is for, in plain words.</summary>
    public string? Purpose { get; set; }

    /// <summary>The theme it was started from, when it was.</summary>
    public Guid? ThemeId { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When it delivered what it set out to, and what it did, in plain words (null until then).</summary>
    public DateTime? DeliveredAtUtc { get; set; }

    public string? DeliverySummary { get; set; }

    /// <summary>
    /// Shown on the organisation's public pages, with <see cref="PublicSummary"/> (written for the public) and what
    /// <see cref="Published.PublishedProjects"/> says the public may read of it. Set and cleared on the Publish page.
    /// </summary>
    public bool IsPublished { get; set; }

    /// <summary>Kept when it stops being published, for when it is published again.</summary>
    public string? PublicSummary { get; set; }

    /// <summary>When it was last published (null while it is not): the public list's order.</summary>
    public DateTime? PublishedAtUtc { get; set; }

    public List<ProjectPhase> Phases { get; set; } = [];

    public const int TitleMaxLength = 120;
    public const int PurposeMaxLength = 2000;
    public const int DeliverySummaryMaxLength = 2000;
    public const int PublicSummaryMaxLength = 1000;
}

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.Property(p => p.Title).HasMaxLength(Project.TitleMaxLength);
        builder.Property(p => p.Purpose).HasMaxLength(Project.PurposeMaxLength);
        builder.Property(p => p.DeliverySummary).HasMaxLength(Project.DeliverySummaryMaxLength);
        builder.Property(p => p.PublicSummary).HasMaxLength(Project.PublicSummaryMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(p => p.ThemeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Phases).WithOne().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);

        // What people said that led to it: Voice names the project by id only (Voice cannot use Projects), so the
        // relationship is mapped from here.
        builder.HasMany<Contribution>().WithOne().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany<ContributionOutcome>().WithOne().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.SetNull);

        // The list, newest first; and one project of a name in an organisation (a second click of "Start" makes one).
        builder.HasIndex(p => new { p.OrganisationId, p.CreatedAtUtc });
        builder.HasIndex(p => new { p.OrganisationId, p.Title }).IsUnique();
        builder.HasIndex(p => p.ThemeId);

        // The public list: published projects, the most recently published first (migration PublishedProjectsIndex).
        builder.HasIndex(p => new { p.OrganisationId, p.PublishedAtUtc, p.Id }, "IX_Projects_Published").HasFilter("\"IsPublished\"");
    }
}
