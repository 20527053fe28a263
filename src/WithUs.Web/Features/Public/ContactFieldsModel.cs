using Microsoft.AspNetCore.Mvc.ModelBinding;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>
/// What the contact fields partial needs: the bound input, its name prefix ("Input.Contact"), the form's state, and
/// the consent question when it is only asked of those who give their details.
/// </summary>
public sealed record ContactFieldsModel(string Prefix, ContactInput Contact, ModelStateDictionary State, ConsentModel? Consent = null)
{
    /// <summary>They said "yes, tell me" on the form this answers: the details are shown, not held back for a second step.</summary>
    public bool ShowDetails => string.Equals(Value(nameof(ContactInput.WantsToHear), Contact.WantsToHear?.ToString()), "true",
        StringComparison.OrdinalIgnoreCase);

    public string Id(string field) => (Prefix + "." + field).Replace('.', '_');

    public string Name(string field) => Prefix + "." + field;

    public string? Error(string field) =>
        State.TryGetValue(Name(field), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What they typed last time, or the bound value.</summary>
    public string? Value(string field, string? bound) =>
        State.TryGetValue(Name(field), out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : bound;
}
