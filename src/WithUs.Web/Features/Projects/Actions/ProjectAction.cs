using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Actions;

/// <summary>
/// Who in the team will do what, by when: partners and staff alike. Done or not is all it tracks; an action past its
/// day and not done is overdue, on the staff home page and on the partner's own page.
/// </summary>
public sealed class ProjectAction : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>What they will do, in plain words: "Ask the caretaker about Saturday keys".</summary>
    public required string What { get; set; }

    /// <summary>Who will do it: their place in the team. Null only when that place is gone (the person was erased).</summary>
    public Guid? MemberId { get; set; }

    /// <summary>The day it should be done by, stored as <see cref="OrganisationClock.Stored"/> keeps a day.</summary>
    public DateTime DueOn { get; set; }

    /// <summary>The meeting it was agreed at, if any.</summary>
    public Guid? MeetingId { get; set; }

    public DateTime? DoneAtUtc { get; set; }

    public Guid? DoneByUserId { get; set; }

    public Guid? CreatedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public bool IsDone => DoneAtUtc is not null;

    public const int WhatMaxLength = 300;
}

internal sealed class ProjectActionConfiguration : IEntityTypeConfiguration<ProjectAction>
{
    public void Configure(EntityTypeBuilder<ProjectAction> builder)
    {
        builder.ToTable("ProjectActions");
        builder.Property(a => a.What).HasMaxLength(ProjectAction.WhatMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ProjectMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.SetNull);

        // A project's open actions by day; the organisation's overdue ones by day (the home page); someone's own.
        builder.HasIndex(a => new { a.ProjectId, a.DoneAtUtc, a.DueOn });
        builder.HasIndex(a => new { a.OrganisationId, a.DoneAtUtc, a.DueOn });
        builder.HasIndex(a => a.MemberId);

        // An action for someone by a day once: the same one sent twice (a second click) is one.
        builder.HasIndex(a => new { a.ProjectId, a.MemberId, a.DueOn, a.What }).IsUnique();
        builder.HasIndex(a => a.MeetingId);
    }
}
