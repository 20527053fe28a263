using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>
/// Someone whose voice the organisation records: a partner with an account, or someone staff met, or someone who used
/// the public form. Only the minimum: a name or pseudonym, what they agreed to, and how (if at all) they may be contacted.
/// Deleting a person keeps what they said, with no one attached.
/// </summary>
public sealed class Person : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>A name or a pseudonym: whatever they are happy to be known by here.</summary>
    public required string Name { get; set; }

    /// <summary>The partner's own account, when they have one here.</summary>
    public Guid? UserId { get; set; }

    public ApplicationUser? User { get; set; }

    /// <summary>
    /// Their current answer about keeping what they say with their name, kept in step with their <see cref="Consent"/>
    /// history by <see cref="PeopleRegister"/>: everyone starts with it; false once they withdraw it, until erased.
    /// </summary>
    public bool ConsentToRecord { get; set; }

    /// <summary>Their current answer about being contacted (<see cref="PeopleRegister"/> keeps it in step with their history).</summary>
    public bool MayContact { get; set; }

    public ContactMethod? ContactBy { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
}
