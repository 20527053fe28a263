using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.People;

/// <summary>
/// A way someone is involved in the organisation (seeds 000/001: the journey from service user to member, committee,
/// volunteer, peer mentor). Each organisation starts with <see cref="InvolvementRoles.Defaults"/> and renames or adds
/// its own. Not <see cref="OrganisationRole"/>, which is what an account may do in WithUs.
/// </summary>
public sealed class InvolvementRole : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required string Name { get; set; }

    /// <summary>Where it comes in lists: the defaults in the order of a journey, added ones after.</summary>
    public int Position { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int NameMaxLength = 60;
}

/// <summary>One stretch of a person holding a role: from a day, until a day or still.</summary>
public sealed class PersonRole : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public Guid RoleId { get; set; }

    public InvolvementRole? Role { get; set; }

    /// <summary>The day it began, as days are stored (<see cref="OrganisationClock.Stored"/>).</summary>
    public DateTime StartedOn { get; set; }

    /// <summary>The day it ended; null while they hold it.</summary>
    public DateTime? EndedOn { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class InvolvementRoleConfiguration : IEntityTypeConfiguration<InvolvementRole>
{
    public void Configure(EntityTypeBuilder<InvolvementRole> builder)
    {
        builder.ToTable("InvolvementRoles");
        builder.Property(r => r.Name).HasMaxLength(InvolvementRole.NameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        // One name once in an organisation: the database decides when two people add the same at once.
        builder.HasIndex(r => new { r.OrganisationId, r.Name }).IsUnique();
    }
}

internal sealed class PersonRoleConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.ToTable("PersonRoles");
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Role).WithMany().HasForeignKey(r => r.RoleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.StartedOn });
        // "Who holds this role now": the roles list and the people list's filter.
        builder.HasIndex(r => new { r.OrganisationId, r.RoleId, r.EndedOn });
    }
}

public static class InvolvementRoles
{
    /// <summary>What every organisation starts with, in the order of a journey; each can be renamed.</summary>
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "Service user", "Member", "Committee member", "Volunteer", "Peer mentor", "Event host", "Panel member", "Trustee",
        "Champion", "Other",
    ];

    /// <summary>Adds the defaults to a new organisation (the scope must act in it, or <paramref name="organisationId"/>
    /// be given). Nothing is saved here.</summary>
    public static void AddDefaults(WithUsDbContext db, DateTime nowUtc, Guid? organisationId = null)
    {
        for (var i = 0; i < Defaults.Count; i++)
        {
            db.Add(new InvolvementRole
            {
                Id = Ids.New(),
                OrganisationId = organisationId ?? Guid.Empty,
                Name = Defaults[i],
                Position = i,
                CreatedAtUtc = nowUtc,
            });
        }
    }
}
