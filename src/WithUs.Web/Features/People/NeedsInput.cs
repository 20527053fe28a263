using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.People;

/// <summary>What staff record about how someone takes part: pronouns, languages, access needs, when not to contact them.</summary>
public sealed class NeedsInput
{
    public string? Pronouns { get; set; }

    public string? Languages { get; set; }

    public string? NotToContact { get; set; }

    public List<AccessNeed> AccessNeeds { get; set; } = [];

    public string? InterpreterLanguage { get; set; }

    public string? OtherAccessNeed { get; set; }

    /// <summary>The other need is about their health or housing: sealed, and shown to staff only as "a private need".</summary>
    public bool OtherIsPrivate { get; set; }

    public static NeedsInput From(Person person) => new()
    {
        Pronouns = person.Pronouns,
        Languages = person.Languages,
        NotToContact = person.NotToContact,
        AccessNeeds = AccessNeedWords.Each.Where(n => person.AccessNeeds.HasFlag(n)).ToList(),
        InterpreterLanguage = person.InterpreterLanguage,
        OtherAccessNeed = person.OtherAccessNeed,
        OtherIsPrivate = person.HasPrivateNeed(),
    };

    public bool Has(AccessNeed need) => AccessNeeds.Contains(need);

    /// <param name="privateNeedKept">A private need is already sealed for them, so "something else" may be left empty to keep it.</param>
    /// <param name="yourself">The person is filling it in about themselves: messages say "you", not "they".</param>
    public void Validate(ModelStateDictionary modelState, string prefix, bool privateNeedKept = false, bool yourself = false)
    {
        // A need that is not one of the choices (tampered, or a stale form) is refused rather than stored as a number.
        if ((modelState.TryGetValue(prefix + "AccessNeeds", out var bound) && bound.Errors.Count > 0)
            || AccessNeeds.Any(n => !AccessNeedWords.Each.Contains(n)))
        {
            bound?.Errors.Clear();
            modelState.AddModelError(prefix + "AccessNeeds", "Choose access needs from the list");
            AccessNeeds = AccessNeeds.Where(AccessNeedWords.Each.Contains).ToList();
        }

        Pronouns = Optional(modelState, prefix + "Pronouns", PersonDetails.Text(Pronouns, "Pronouns", Person.PronounsMaxLength)) ?? Pronouns;
        Languages = Optional(modelState, prefix + "Languages", PersonDetails.Text(Languages, "Languages", Person.LanguagesMaxLength)) ?? Languages;
        NotToContact = Optional(modelState, prefix + "NotToContact",
            PersonDetails.Text(NotToContact, "When not to contact them", Person.NotToContactMaxLength)) ?? NotToContact;
        InterpreterLanguage = Has(AccessNeed.Interpreter)
            ? Needed(modelState, prefix + "InterpreterLanguage",
                PersonDetails.Text(InterpreterLanguage, "The language", Person.InterpreterLanguageMaxLength), yourself ? "Say which language you need an interpreter for" : "Say which language they need an interpreter for") ?? InterpreterLanguage
            : null;
        var other = PersonDetails.Text(OtherAccessNeed, "What else they need", Person.OtherAccessNeedMaxLength);
        OtherAccessNeed = !Has(AccessNeed.Other)
            ? null
            : OtherIsPrivate && privateNeedKept
                ? Optional(modelState, prefix + "OtherAccessNeed", other)
                : Needed(modelState, prefix + "OtherAccessNeed", other, yourself ? "Say what else helps you" : "Say what else they need") ?? OtherAccessNeed;
        OtherIsPrivate = OtherIsPrivate && Has(AccessNeed.Other);
    }

    /// <summary>Sets the person's record from the checked answers: blank answers are kept as nothing.</summary>
    public void ApplyTo(Person person)
    {
        person.Pronouns = Blank(Pronouns);
        person.Languages = Blank(Languages);
        person.NotToContact = Blank(NotToContact);
        person.AccessNeeds = AccessNeeds.Aggregate(AccessNeed.None, (all, need) => all | need);
        person.InterpreterLanguage = Has(AccessNeed.Interpreter) ? Blank(InterpreterLanguage) : null;
        // A private need's words are sealed by the page (EqualityMonitoring.KeepPrivateNeedAsync), never kept here.
        person.OtherAccessNeed = Has(AccessNeed.Other) && !OtherIsPrivate ? Blank(OtherAccessNeed) : null;
    }

    /// <summary>The private words to seal: new words when they were written, null to keep what is sealed.</summary>
    public string? PrivateWords => OtherIsPrivate ? Blank(OtherAccessNeed) : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Optional(ModelStateDictionary modelState, string key, Checked detail)
    {
        if (detail.Problem is { } problem)
        {
            modelState.AddModelError(key, problem);
        }

        return detail.Value;
    }

    private static string? Needed(ModelStateDictionary modelState, string key, Checked detail, string missing)
    {
        if (detail.IsMissing)
        {
            modelState.AddModelError(key, missing);
        }

        return Optional(modelState, key, detail);
    }
}

/// <summary>What the access needs fields show: the answers, whether a private need is sealed, and whose needs they are.</summary>
public sealed record NeedsFieldsView(NeedsInput Input, bool PrivateNeedKept, bool Yourself);
