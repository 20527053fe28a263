using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>
/// One version of a project's group agreement (ground rules, a safe-space agreement), made together. A revision is a
/// new version; the earlier ones and who agreed to them are kept (<see cref="GroundRulesAgreed"/>).
/// </summary>
public sealed class GroundRules : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>1 for the first draft, then one more for each revision.</summary>
    public int Version { get; set; }

    public required string Text { get; set; }

    /// <summary>What changed from the version before, in a few words (null on the first).</summary>
    public string? WhatChanged { get; set; }

    public DateTime WrittenAtUtc { get; set; }

    public Guid? WrittenByUserId { get; set; }

    public const int TextMaxLength = 4000;
    public const int WhatChangedMaxLength = 500;

    /// <summary>A safe-space agreement to start from (seeds 000 and 001: informal, safe spaces), for the group to change.</summary>
    public const string Starter = """
        We listen to each other, and take turns to speak.
        Everyone's experience counts the same, staff and partners alike.
        What is shared here stays here, unless someone is at risk of harm.
        We can disagree with an idea, never attack a person.
        Anyone can take a break or step out at any time.
        We use plain words, and explain any jargon.
        We start and finish on time.
        """;
}

/// <summary>That one member of the team agreed to one version of the ground rules, and how it was recorded.</summary>
public sealed class GroundRulesAgreed : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid GroundRulesId { get; set; }

    public Guid MemberId { get; set; }

    public DateTime AgreedAtUtc { get; set; }

    /// <summary>The member of staff who recorded it; null when the member agreed themselves, signed in.</summary>
    public Guid? RecordedByUserId { get; set; }
}

internal sealed class GroundRulesConfiguration : IEntityTypeConfiguration<GroundRules>
{
    public void Configure(EntityTypeBuilder<GroundRules> builder)
    {
        builder.ToTable("GroundRules");
        builder.Property(g => g.Text).HasMaxLength(GroundRules.TextMaxLength);
        builder.Property(g => g.WhatChanged).HasMaxLength(GroundRules.WhatChangedMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(g => g.ProjectId).OnDelete(DeleteBehavior.Cascade);

        // One version of each number: two people revising at once make one revision.
        builder.HasIndex(g => new { g.ProjectId, g.Version }).IsUnique();
    }
}

internal sealed class GroundRulesAgreedConfiguration : IEntityTypeConfiguration<GroundRulesAgreed>
{
    public void Configure(EntityTypeBuilder<GroundRulesAgreed> builder)
    {
        builder.ToTable("GroundRulesAgreed");
        builder.HasOne<GroundRules>().WithMany().HasForeignKey(a => a.GroundRulesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProjectMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);

        // Agreeing twice is agreeing once.
        builder.HasIndex(a => new { a.GroundRulesId, a.MemberId }).IsUnique();
        builder.HasIndex(a => a.MemberId);
    }
}
