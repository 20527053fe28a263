using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// An organisation's own name for one of the four phases ("Deciding what we need" for co-commissioning). Without one
/// the phase keeps its default name (<see cref="CoPhaseWords.DefaultName"/>).
/// </summary>
public sealed class PhaseName : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public CoPhase Phase { get; set; }

    public required string Name { get; set; }

    public const int NameMaxLength = 60;
}

internal sealed class PhaseNameConfiguration : IEntityTypeConfiguration<PhaseName>
{
    public void Configure(EntityTypeBuilder<PhaseName> builder)
    {
        builder.ToTable("PhaseNames");
        builder.Property(p => p.Name).HasMaxLength(PhaseName.NameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.OrganisationId, p.Phase }).IsUnique();
    }
}
