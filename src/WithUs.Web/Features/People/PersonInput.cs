using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.People;

/// <summary>What staff record about someone's contact: only what the chosen way of contacting them needs.</summary>
public class ContactInput
{
    /// <summary>Checked by <see cref="PersonDetails.Name"/> in <see cref="Validate"/>.</summary>
    [Required(ErrorMessage = "Enter their name or a pseudonym")]
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
        var name = PersonDetails.Name(Name);
        if (name.Problem is { } nameProblem)
        {
            modelState.AddModelError(prefix + "Name", nameProblem);
        }

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
            var email = PersonDetails.Email(Email);
            Email = email.Value ?? Email;
            if (email.IsMissing)
            {
                modelState.AddModelError(prefix + "Email", "Enter their email address");
            }
            else if (email.Problem is { } problem)
            {
                modelState.AddModelError(prefix + "Email", problem);
            }
        }

        if (method is ContactMethod.Phone or ContactMethod.TextMessage)
        {
            var phone = PersonDetails.Phone(Phone);
            Phone = phone.Value ?? Phone;
            if (phone.IsMissing)
            {
                modelState.AddModelError(prefix + "Phone", "Enter their phone number");
            }
            else if (phone.Problem is { } problem)
            {
                modelState.AddModelError(prefix + "Phone", problem);
            }
        }
    }

    /// <summary>Keeps only the detail for the way they chose: nothing is held "just in case". Call after
    /// <see cref="Validate"/>, which puts each detail in the form it is kept.</summary>
    public void ApplyTo(Person person)
    {
        person.Name = PersonDetails.Name(Name).Value ?? Name.Trim();
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
