using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Public;

/// <summary>What the contact fields partial needs: the bound input, its name prefix ("Input.Contact") and the form's state.</summary>
public sealed record ContactFieldsModel(string Prefix, ContactInput Contact, ModelStateDictionary State)
{
    public string Id(string field) => (Prefix + "." + field).Replace('.', '_');

    public string Name(string field) => Prefix + "." + field;

    public string? Error(string field) =>
        State.TryGetValue(Name(field), out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What they typed last time, or the bound value.</summary>
    public string? Value(string field, string? bound) =>
        State.TryGetValue(Name(field), out var entry) && entry.AttemptedValue is not null ? entry.AttemptedValue : bound;
}
