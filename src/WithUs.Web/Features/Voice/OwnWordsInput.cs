using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Someone telling the organisation something themselves, on a public form or as a partner: their words, which of
/// the public kinds it is, and their consent to keep it. Both forms ask the same way and say the same errors.
/// </summary>
public class OwnWordsInput
{
    public const string KindMissing = "Choose what kind of thing you are telling us";

    [Required(ErrorMessage = "Tell us your idea or what you think")]
    [StringLength(Contribution.TextMaxLength, ErrorMessage = "What you tell us must be 4,000 characters or fewer. Try making it shorter")]
    [PlainText(ErrorMessage = "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation")]
    public string? Text { get; set; }

    [Required(ErrorMessage = KindMissing)]
    public ContributionKind? Kind { get; set; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to say it is OK for us to keep what you tell us")]
    public bool Consent { get; set; }

    /// <summary>Refuses a kind the form does not offer (one only staff record, or a number that is no kind).</summary>
    public void CheckKind(ModelStateDictionary modelState, string prefix)
    {
        if (Kind is { } kind && !PublicWords.Kinds.Contains(kind))
        {
            modelState.AddModelError(prefix + nameof(Kind), KindMissing);
        }
    }

    /// <summary>What they told us, said today through an online form, first-hand.</summary>
    public Contribution ToContribution(ContributionSource source, Guid? personId, OrganisationClock clock) =>
        Contribution.SentOnline(Text, Kind!.Value, source, personId, clock);
}
