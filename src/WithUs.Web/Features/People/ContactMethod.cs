namespace WithUs.Web.Features.People;

public enum ContactMethod
{
    Email = 0,
    Phone = 1,
    TextMessage = 2,
    InPerson = 3,
    Post = 4,

    /// <summary>Through a named worker (their key worker, a support worker at another service): <see cref="Person.ThroughWorker"/>.</summary>
    ThroughWorker = 5,
}

public static class ContactMethodExtensions
{
    public static string DisplayName(this ContactMethod method) => method switch
    {
        ContactMethod.Email => "Email",
        ContactMethod.Phone => "Phone call",
        ContactMethod.TextMessage => "Text message",
        ContactMethod.Post => "Post",
        ContactMethod.ThroughWorker => "Through a worker",
        _ => "In person",
    };

    /// <summary>The ways that need no more than an email address or a phone number: those capture offers, to stay
    /// quick (post and a worker are added on the person's record).</summary>
    public static IReadOnlyList<ContactMethod> Quick { get; } =
        [ContactMethod.Email, ContactMethod.Phone, ContactMethod.TextMessage, ContactMethod.InPerson];

    /// <summary>Whether and how we may contact them, as a short answer: "Yes, by email", "Yes, in person", "No".</summary>
    public static string ContactSummary(this Person person) => ContactSummary(person.MayContact, person.ContactBy);

    public static string ContactSummary(bool mayContact, ContactMethod? contactBy) => !mayContact
        ? "No"
        : contactBy switch
        {
            null => "Yes, any way",
            ContactMethod.InPerson => "Yes, in person",
            ContactMethod.ThroughWorker => "Yes, through a worker",
            { } method => "Yes, by " + method.DisplayName().ToLowerInvariant(),
        };
}
