using WithUs.Web.Features.Account;

namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>A person's place in one organisation. A person may belong to several, with a different role in each.</summary>
public sealed class Membership : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public Guid UserId { get; set; }

    public ApplicationUser? User { get; set; }

    public OrganisationRole Role { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>A new membership of the organisation the data context is working in (it fills the organisation).</summary>
    public static Membership For(Guid userId, OrganisationRole role, DateTime nowUtc) => new()
    {
        Id = Ids.New(),
        UserId = userId,
        Role = role,
        CreatedAtUtc = nowUtc,
    };
}
