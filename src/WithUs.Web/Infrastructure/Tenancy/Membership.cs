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
}
