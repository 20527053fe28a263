using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Projects;

/// <summary>One of a project's four phases: its goals, its dates and where it stands. Every project has all four.</summary>
public sealed class ProjectPhase : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    public CoPhase Phase { get; set; }

    /// <summary>What the phase should achieve, in plain words.</summary>
    public string? Goals { get; set; }

    /// <summary>Stored days (<see cref="OrganisationClock.Stored"/>), when known.</summary>
    public DateTime? StartsOn { get; set; }

    public DateTime? EndsOn { get; set; }

    public PhaseStatus Status { get; set; }

    public const int GoalsMaxLength = 1000;

    /// <summary>The four phases of a new project: the first under way, the rest not started.</summary>
    public static List<ProjectPhase> ForNewProject(Guid projectId, DateTime startsOn) =>
        CoPhaseWords.All.Select(phase => new ProjectPhase
        {
            Id = Ids.New(),
            ProjectId = projectId,
            Phase = phase,
            Status = phase == CoPhase.Commissioning ? PhaseStatus.UnderWay : PhaseStatus.NotStarted,
            StartsOn = phase == CoPhase.Commissioning ? startsOn : null,
        }).ToList();

    /// <summary>
    /// The phase a project is in: the first under way, else the first not started after one that is done, else the
    /// last done (when all are done), else the first.
    /// </summary>
    public static CoPhase Current(IReadOnlyCollection<ProjectPhase> phases)
    {
        var ordered = phases.OrderBy(p => p.Phase).ToList();
        if (ordered.FirstOrDefault(p => p.Status == PhaseStatus.UnderWay) is { } underWay)
        {
            return underWay.Phase;
        }

        if (ordered.LastOrDefault(p => p.Status == PhaseStatus.Done) is { } done)
        {
            return ordered.FirstOrDefault(p => p.Phase > done.Phase && p.Status == PhaseStatus.NotStarted)?.Phase ?? done.Phase;
        }

        return CoPhase.Commissioning;
    }
}

internal sealed class ProjectPhaseConfiguration : IEntityTypeConfiguration<ProjectPhase>
{
    public void Configure(EntityTypeBuilder<ProjectPhase> builder)
    {
        builder.ToTable("ProjectPhases");
        builder.Property(p => p.Goals).HasMaxLength(ProjectPhase.GoalsMaxLength);

        // Each phase once in a project.
        builder.HasIndex(p => new { p.ProjectId, p.Phase }).IsUnique();
    }
}
