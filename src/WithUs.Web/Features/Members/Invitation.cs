namespace WithUs.Web.Features.Members;

/// <summary>An emailed, single-use link that lets someone join an organisation with a given role.</summary>
public sealed class Invitation : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    public OrganisationRole Role { get; set; }

    /// <summary>SHA-256 of the token in the link; the token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public Guid InvitedByUserId { get; set; }

    /// <summary>The record of the person invited, when staff invited them from it: accepting links the account to it.</summary>
    public Guid? PersonId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? AcceptedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => AcceptedAtUtc is null && RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}
