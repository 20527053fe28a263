using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// One outcome an idea was given, when and by whom: the history the people who said it can read of what became of it
/// ("being considered", then "part of a project", then "done"). Written by <see cref="Outcomes.OutcomeHistory"/> on
/// every save that changes an idea's outcome, whichever page or feature made the change, so none can forget it, and
/// by the import's bulk writer for the ideas it adds.
/// </summary>
public sealed class ContributionOutcome : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }

    public OutcomeStatus Outcome { get; set; }

    public NotPossibleReason? NotPossibleReason { get; set; }

    /// <summary>What was written for the person, as it stood with this outcome.</summary>
    public string? Explanation { get; set; }

    /// <summary>The project it became part of (Projects maps the key: Voice names it by id only).</summary>
    public Guid? ProjectId { get; set; }

    public DateTime AtUtc { get; set; }

    public Guid? ByUserId { get; set; }
}

internal sealed class ContributionOutcomeConfiguration : IEntityTypeConfiguration<ContributionOutcome>
{
    public void Configure(EntityTypeBuilder<ContributionOutcome> builder)
    {
        builder.ToTable("ContributionOutcomes");
        builder.Property(o => o.Explanation).HasMaxLength(Contribution.ExplanationMaxLength);
        builder.HasOne<Contribution>().WithMany().HasForeignKey(o => o.ContributionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.ContributionId, o.AtUtc });
        builder.HasIndex(o => o.ProjectId);
    }
}
