using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.People;

/// <summary>What staff record about someone's contact: only what the chosen way of contacting them needs.</summary>
public class ContactInput
{
    private const string RequiredName = "Enter their name or a pseudonym";

    /// <summary>Checked by <see cref="PersonDetails.Name"/> in <see cref="Validate"/>.</summary>
    [Required(ErrorMessage = RequiredName)]
    public string Name { get; set; } = "";

    /// <summary>Null until answered: staff must ask, not assume.</summary>
    public bool? MayContact { get; set; }

    public ContactMethod? ContactBy { get; set; }

    [StringLength(Person.EmailMaxLength, ErrorMessage = "The email address must be 256 characters or fewer")]
    public string? Email { get; set; }

    [StringLength(Person.PhoneMaxLength, ErrorMessage = "The phone number must be 40 characters or fewer")]
    public string? Phone { get; set; }

    /// <summary>Checked by <see cref="PersonDetails.Text"/> in <see cref="Validate"/>, when they chose post.</summary>
    public string? PostalAddress { get; set; }

    public string? ThroughWorker { get; set; }

    /// <param name="yourself">The person is filling it in about themselves: messages say "your", not "their".</param>
    public void Validate(ModelStateDictionary modelState, string prefix, bool yourself = false)
    {
        string Say(string aboutThem, string toYou) => yourself ? toYou : aboutThem;
        var name = PersonDetails.Name(Name);
        if (name.Problem is { } nameProblem)
        {
            modelState.AddModelError(prefix + "Name", nameProblem);
        }

        // [Required] speaks about someone else; on their own pages it speaks to them.
        if (yourself && modelState.TryGetValue(prefix + "Name", out var nameState) && nameState.Errors.Any(e => e.ErrorMessage == RequiredName))
        {
            nameState.Errors.Clear();
            modelState.AddModelError(prefix + "Name", "Enter your name, or a name you are happy to be known by");
        }

        if (MayContact is null)
        {
            modelState.AddModelError(prefix + "MayContact", Say("Choose whether they agreed to be contacted", "Choose whether we may get in touch with you"));
            return;
        }

        if (MayContact == false)
        {
            return;
        }

        if (ContactBy is not { } method || !Enum.IsDefined(method))
        {
            modelState.AddModelError(prefix + "ContactBy", Say("Choose how they would like to be contacted", "Choose how you would like us to get in touch"));
            return;
        }

        if (method == ContactMethod.Email)
        {
            var email = PersonDetails.Email(Email);
            Email = email.Value ?? Email;
            if (email.IsMissing)
            {
                modelState.AddModelError(prefix + "Email", Say("Enter their email address", "Enter your email address"));
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
                modelState.AddModelError(prefix + "Phone", Say("Enter their phone number", "Enter your phone number"));
            }
            else if (phone.Problem is { } problem)
            {
                modelState.AddModelError(prefix + "Phone", problem);
            }
        }

        if (method == ContactMethod.Post)
        {
            PostalAddress = Required(modelState, prefix + "PostalAddress",
                PersonDetails.Text(PostalAddress, "The address", Person.PostalAddressMaxLength, lines: true), Say("Enter their postal address", "Enter your postal address")) ?? PostalAddress;
        }

        if (method == ContactMethod.ThroughWorker)
        {
            ThroughWorker = Required(modelState, prefix + "ThroughWorker",
                PersonDetails.Text(ThroughWorker, "The worker", Person.ThroughWorkerMaxLength), Say("Say which worker, for example \"Sam, their key worker at the housing team\"",
                    "Say which worker, for example \"Sam, my key worker at the housing team\"")) ?? ThroughWorker;
        }
    }

    private static string? Required(ModelStateDictionary modelState, string key, Checked detail, string missing)
    {
        if (detail.IsMissing)
        {
            modelState.AddModelError(key, missing);
        }
        else if (detail.Problem is { } problem)
        {
            modelState.AddModelError(key, problem);
        }

        return detail.Value;
    }

    /// <summary>What they chose, in the form it is kept. Call after <see cref="Validate"/>, which puts each detail in
    /// that form.</summary>
    public ContactChoice ToChoice() =>
        new ContactChoice(MayContact == true, ContactBy, Email?.Trim(), Phone?.Trim(), PostalAddress, ThroughWorker).Kept;

    /// <summary>The name as it is kept. Call after <see cref="Validate"/>.</summary>
    public string KeptName() => PersonDetails.Name(Name).Value ?? Name.Trim();

    public static T From<T>(Person person)
        where T : ContactInput, new() => new()
        {
            Name = person.Name,
            MayContact = person.MayContact,
            ContactBy = person.ContactBy,
            Email = person.Email,
            Phone = person.Phone,
            PostalAddress = person.PostalAddress,
            ThroughWorker = person.ThroughWorker,
        };
}

public sealed class NewPersonInput : ContactInput
{
    public bool ConsentToRecord { get; set; }

    public ConsentHowInput How { get; set; } = new();
}

/// <summary>"How did they tell you?": the way an answer about consent reached us and, when someone gave it for them, who.</summary>
public sealed class ConsentHowInput
{
    public ConsentWay? Way { get; set; }

    public string? ThroughWhom { get; set; }

    /// <param name="missing">The message when no way is chosen, matching the question the page asks.</param>
    public void Validate(ModelStateDictionary modelState, string prefix, string missing = "Choose how they told you")
    {
        // A value that is not one of the choices (tampered, or a stale form) is no choice, with this page's message.
        if (modelState.TryGetValue(prefix + "Way", out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Way = null;
        }

        if (Way is not { } way || !ConsentWords.Choosable.Contains(way))
        {
            modelState.AddModelError(prefix + "Way", missing);
            return;
        }

        if (way != ConsentWay.ThroughSomeone)
        {
            ThroughWhom = null;
            return;
        }

        var who = PersonDetails.Text(ThroughWhom, "Who gave it for them", Consent.ThroughWhomMaxLength);
        ThroughWhom = who.Value ?? ThroughWhom;
        if (who.IsMissing)
        {
            modelState.AddModelError(prefix + "ThroughWhom", "Say who gave it for them, for example \"Sam, their key worker\"");
        }
        else if (who.Problem is { } problem)
        {
            modelState.AddModelError(prefix + "ThroughWhom", problem);
        }
    }

    public ConsentSource ToSource(Guid? recordedBy) => new(Way!.Value, recordedBy, ThroughWhom);
}
