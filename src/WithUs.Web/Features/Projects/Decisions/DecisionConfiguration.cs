using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Web.Features.Projects.Decisions;

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("ProjectDecisions");
        builder.Property(d => d.What).HasMaxLength(Decision.WhatMaxLength);
        builder.Property(d => d.Options).HasMaxLength(Decision.OptionsMaxLength);
        builder.Property(d => d.Dissent).HasMaxLength(Decision.DissentMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.SetNull);

        // The log, newest first; the profile counts a project's decisions by level.
        builder.HasIndex(d => new { d.ProjectId, d.DecidedOn });
        builder.HasIndex(d => d.MeetingId);
        builder.Property(d => d.WhatKey).HasMaxLength(Decision.WhatKeyLength);

        // The same decision on the same day once: a second click of "Record" is the first decision.
        builder.HasIndex(d => new { d.ProjectId, d.DecidedOn, d.WhatKey }).IsUnique();
    }
}
