namespace WithUs.Web.Features.People;

public enum ContactMethod
{
    Email = 0,
    Phone = 1,
    TextMessage = 2,
    InPerson = 3,
}

public static class ContactMethodExtensions
{
    public static string DisplayName(this ContactMethod method) => method switch
    {
        ContactMethod.Email => "Email",
        ContactMethod.Phone => "Phone call",
        ContactMethod.TextMessage => "Text message",
        _ => "In person",
    };

    /// <summary>Whether and how we may contact them, as a short answer: "Yes, by email", "Yes, in person", "No".</summary>
    public static string ContactSummary(this Person person) => ContactSummary(person.MayContact, person.ContactBy);

    public static string ContactSummary(bool mayContact, ContactMethod? contactBy) => !mayContact
        ? "No"
        : contactBy switch
        {
            null => "Yes, any way",
            ContactMethod.InPerson => "Yes, in person",
            { } method => "Yes, by " + method.DisplayName().ToLowerInvariant(),
        };
}
