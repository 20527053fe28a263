using System.Linq.Expressions;

namespace WithUs.Web.Features.People;

/// <summary>
/// Whether a person agreed to be contacted and how: only the detail the chosen way needs. Values are already checked
/// (<see cref="PersonDetails"/>); <see cref="Kept"/> drops whatever the chosen way does not use.
/// </summary>
public sealed record ContactChoice(bool MayContact, ContactMethod? By, string? Email, string? Phone,
    string? Address = null, string? Worker = null)
{
    public static readonly ContactChoice None = new(false, null, null, null);

    /// <summary>
    /// The one rule for whether WithUs may email someone itself (a meeting reminder, say): they agreed to be contacted
    /// (their current answer about contact, kept in step with their consent history), chose email as the way, and gave
    /// an address. Anyone erased or merged away has no record left to match.
    /// </summary>
    public static readonly Expression<Func<Person, bool>> MayEmail =
        p => p.MayContact && p.ContactBy == ContactMethod.Email && p.Email != null && p.Email != "";

    public static ContactChoice Of(Person person) =>
        new(person.MayContact, person.ContactBy, person.Email, person.Phone, person.PostalAddress, person.ThroughWorker);

    /// <summary>The same choice holding nothing "just in case": no way without agreement, no detail the way does not need.</summary>
    public ContactChoice Kept => !MayContact
        ? None
        : new(true, By, By == ContactMethod.Email ? Email : null, By is ContactMethod.Phone or ContactMethod.TextMessage ? Phone : null,
            By == ContactMethod.Post ? Address : null, By == ContactMethod.ThroughWorker ? Worker : null);

    /// <summary>The detail to reach them by, for lists: the address, number, postal address or worker.</summary>
    public static string? DetailOf(ContactMethod? by, string? email, string? phone, string? address, string? worker) => by switch
    {
        ContactMethod.Email => email,
        ContactMethod.Phone or ContactMethod.TextMessage => phone,
        ContactMethod.Post => address,
        ContactMethod.ThroughWorker => worker,
        _ => null,
    };
}
