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

    /// <summary>Their postal address, when they chose post.</summary>
    public string? PostalAddress { get; set; }

    /// <summary>The worker to go through ("Sam at the housing team"), when they chose to be reached that way.</summary>
    public string? ThroughWorker { get; set; }

    /// <summary>Their pronouns, if they want to give them: "she/her", "they/them".</summary>
    public string? Pronouns { get; set; }

    /// <summary>The languages they use, in their words: "Polish; some English".</summary>
    public string? Languages { get; set; }

    /// <summary>When not to contact them, in their words: "Not before 10am. Not on Fridays (prayers)".</summary>
    public string? NotToContact { get; set; }

    /// <summary>What they need to take part: shown wherever they are listed to be invited or contacted.</summary>
    public AccessNeed AccessNeeds { get; set; }

    /// <summary>Which language, when they need an interpreter.</summary>
    public string? InterpreterLanguage { get; set; }

    /// <summary>Any other need, in their words, when they ticked "something else".</summary>
    public string? OtherAccessNeed { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The stored day the retention job found we had not heard from them for longer than the organisation keeps people
    /// (<see cref="Organisation.RetentionYears"/>), until an administrator erases them or they are heard from again.
    /// </summary>
    public DateTime? PastRetentionSince { get; set; }

    public const int NameMaxLength = 100;
    public const int PostalAddressMaxLength = 300;
    public const int ThroughWorkerMaxLength = 100;
    public const int PronounsMaxLength = 40;
    public const int LanguagesMaxLength = 200;
    public const int NotToContactMaxLength = 200;
    public const int InterpreterLanguageMaxLength = 60;
    public const int OtherAccessNeedMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
}
