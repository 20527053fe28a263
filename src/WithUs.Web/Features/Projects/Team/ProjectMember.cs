using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>
/// Someone in a project's team: a member of staff (their account) or a partner (their record in People), with their
/// role in this project and what they have agreed to give. Leaving keeps the row, so who was in the team stays known.
/// </summary>
public sealed class ProjectMember : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ProjectId { get; set; }

    /// <summary>A member of staff: their account. Exactly one of this and <see cref="PersonId"/> is set.</summary>
    public Guid? UserId { get; set; }

    /// <summary>A partner: their record in People.</summary>
    public Guid? PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>Their role in this project, in the organisation's words: "Co-designer", "Chair".</summary>
    public required string Role { get; set; }

    /// <summary>What they have agreed to give: "Two hours a week, and to chair the meetings".</summary>
    public string? Gives { get; set; }

    public DateTime JoinedAtUtc { get; set; }

    public Guid? AddedByUserId { get; set; }

    /// <summary>When they left the project; null while they are in it.</summary>
    public DateTime? LeftAtUtc { get; set; }

    public bool IsPartner => PersonId is not null;

    public const int RoleMaxLength = 60;
    public const int GivesMaxLength = 300;

    /// <summary>The roles offered first (seeds 000 and 001), in the order a project usually needs them.</summary>
    public static IReadOnlyList<string> SuggestedRoles { get; } =
        ["Co-designer", "Co-deliverer", "Peer mentor", "Host", "Chair", "Note-taker", "Staff lead"];
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public const string OneWho = "(\"UserId\" IS NULL) <> (\"PersonId\" IS NULL)";

    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("ProjectMembers", t => t.HasCheckConstraint("CK_ProjectMembers_OneWho", OneWho));
        builder.Property(m => m.Role).HasMaxLength(ProjectMember.RoleMaxLength);
        builder.Property(m => m.Gives).HasMaxLength(ProjectMember.GivesMaxLength);
        builder.HasOne<Project>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);

        // Each person in a team once at a time: adding them twice, or twice at once, is one membership.
        builder.HasIndex(m => new { m.ProjectId, m.PersonId }).IsUnique().HasFilter("\"PersonId\" IS NOT NULL AND \"LeftAtUtc\" IS NULL");
        builder.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL AND \"LeftAtUtc\" IS NULL");
        builder.HasIndex(m => m.PersonId);
        builder.HasIndex(m => m.UserId);

        // A project's team, read on most of its pages (the unique indexes above are filtered, so cannot serve it).
        builder.HasIndex(m => m.ProjectId);
    }
}
