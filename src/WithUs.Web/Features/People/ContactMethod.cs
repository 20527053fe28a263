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
}
