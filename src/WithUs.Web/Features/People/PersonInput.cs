using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.People;

/// <summary>What staff record about someone's contact: only what the chosen way of contacting them needs.</summary>
public class ContactInput
{
    [Required(ErrorMessage = "Enter their name or a pseudonym")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "The name must be 100 characters or fewer")]
    public string Name { get; set; } = "";

    /// <summary>Null until answered: staff must ask, not assume.</summary>
    public bool? MayContact { get; set; }

    public ContactMethod? ContactBy { get; set; }

    [StringLength(Person.EmailMaxLength, ErrorMessage = "The email address must be 256 characters or fewer")]
    public string? Email { get; set; }

    [StringLength(Person.PhoneMaxLength, ErrorMessage = "The phone number must be 40 characters or fewer")]
    public string? Phone { get; set; }

    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        if (MayContact is null)
        {
            modelState.AddModelError(prefix + "MayContact", "Choose whether they agreed to be contacted");
            return;
        }

        if (MayContact == false)
        {
            return;
        }

        if (ContactBy is not { } method || !Enum.IsDefined(method))
        {
            modelState.AddModelError(prefix + "ContactBy", "Choose how they would like to be contacted");
            return;
        }

        if (method == ContactMethod.Email)
        {
            if (string.IsNullOrWhiteSpace(Email))
            {
                modelState.AddModelError(prefix + "Email", "Enter their email address");
            }
            else if (!new EmailAddressAttribute().IsValid(Email.Trim()))
            {
                modelState.AddModelError(prefix + "Email", "Enter an email address in the right format, like name@example.org");
            }
        }

        if (method is ContactMethod.Phone or ContactMethod.TextMessage)
        {
            if (string.IsNullOrWhiteSpace(Phone))
            {
                modelState.AddModelError(prefix + "Phone", "Enter their phone number");
            }
            else if (!Phone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
            {
                modelState.AddModelError(prefix + "Phone", "Enter a phone number using only numbers, spaces and + ( ) -");
            }
        }
    }

    /// <summary>Keeps only the detail for the way they chose: nothing is held "just in case".</summary>
    public void ApplyTo(Person person)
    {
        person.Name = Name.Trim();
        person.MayContact = MayContact == true;
        person.ContactBy = person.MayContact ? ContactBy : null;
        person.Email = person.ContactBy == ContactMethod.Email ? Email?.Trim() : null;
        person.Phone = person.ContactBy is ContactMethod.Phone or ContactMethod.TextMessage ? Phone?.Trim() : null;
    }

    public static T From<T>(Person person)
        where T : ContactInput, new() => new()
        {
            Name = person.Name,
            MayContact = person.MayContact,
            ContactBy = person.ContactBy,
            Email = person.Email,
            Phone = person.Phone,
        };
}

public sealed class NewPersonInput : ContactInput
{
    public bool ConsentToRecord { get; set; }
}
