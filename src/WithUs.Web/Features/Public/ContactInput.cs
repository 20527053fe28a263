using Microsoft.AspNetCore.Mvc.ModelBinding;
using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Public;

/// <summary>"Do you want us to tell you what happens?" and, if so, who to tell and how. All optional.</summary>
public sealed class ContactInput
{
    public static readonly IReadOnlyList<ContactMethod> Methods = [ContactMethod.Email, ContactMethod.TextMessage, ContactMethod.Phone];

    public bool? WantsToHear { get; set; }

    public string? Name { get; set; }

    public ContactMethod? ContactBy { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public bool Given => WantsToHear == true;

    /// <summary>
    /// They said "yes, tell me" but gave none of the details: without JavaScript the form shows those questions only
    /// after "yes", so this is their second step, not a mistake.
    /// </summary>
    public bool AwaitingDetails { get; private set; }

    public static string Label(ContactMethod method) => method switch
    {
        ContactMethod.Email => "Email",
        ContactMethod.TextMessage => "Text message",
        _ => "Phone call",
    };

    /// <summary>
    /// Checks the details only when the person asked to be told and has given some; otherwise forgets anything typed
    /// (or tampered) in them, so nothing they did not mean to give is kept or complained about.
    /// </summary>
    public void Validate(ModelStateDictionary state, string prefix)
    {
        AwaitingDetails = Given && !AnyDetails(state, prefix);
        if (!Given || AwaitingDetails)
        {
            foreach (var key in state.Keys.Where(k => k.StartsWith(prefix + ".", StringComparison.Ordinal)
                                                      && k != prefix + "." + nameof(WantsToHear)).ToList())
            {
                state.Remove(key);
            }

            Name = Email = Phone = null;
            ContactBy = null;
            return;
        }

        var name = PersonDetails.Name(Name, "Your name");
        Name = name.Value ?? PlainTextAttribute.Clean(Name);
        if (name.IsMissing)
        {
            state.AddModelError(prefix + ".Name", "Enter your name, or a made-up name");
        }
        else if (name.Problem is { } nameProblem)
        {
            state.AddModelError(prefix + ".Name", nameProblem);
        }

        if (state.TryGetValue(prefix + ".ContactBy", out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            ContactBy = null;
        }

        if (ContactBy is not { } method || !Methods.Contains(method))
        {
            state.AddModelError(prefix + ".ContactBy", "Choose how we should tell you");
            return;
        }

        if (method == ContactMethod.Email)
        {
            Phone = null;
            var email = PersonDetails.Email(Email);
            Email = email.Value ?? Email?.Trim();
            if (email.IsMissing)
            {
                state.AddModelError(prefix + ".Email", "Enter your email address");
            }
            else if (email.Problem is { } problem)
            {
                state.AddModelError(prefix + ".Email", problem);
            }
        }
        else
        {
            Email = null;
            var phone = PersonDetails.Phone(Phone);
            Phone = phone.Value ?? Phone?.Trim();
            if (phone.IsMissing)
            {
                state.AddModelError(prefix + ".Phone", "Enter your phone number");
            }
            else if (phone.Problem is { } problem)
            {
                state.AddModelError(prefix + ".Phone", problem);
            }
        }
    }

    private bool AnyDetails(ModelStateDictionary state, string prefix) =>
        !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone)
        || ContactBy is not null || !string.IsNullOrEmpty(state[prefix + "." + nameof(ContactBy)]?.AttemptedValue);

    /// <summary>
    /// When they asked to be told what happens: a new person, who gave their own consent on the form, added to the
    /// context. Otherwise nobody (what they said is kept anonymous).
    /// </summary>
    public Person? AddPerson(WithUsDbContext db, DateTime now)
    {
        if (!Given)
        {
            return null;
        }

        return PeopleRegister.Add(db, Name!, new ContactChoice(true, ContactBy, Email, Phone), ConsentSource.Themselves, now);
    }
}
