namespace WithUs.Web.Features.Voice;

/// <summary>Plain words for every choice; partners and the public read some of these.</summary>
public static class VoiceWords
{
    public static string DisplayName(this ContributionKind kind) => kind switch
    {
        ContributionKind.Idea => "Idea",
        ContributionKind.Need => "Need",
        ContributionKind.Feedback => "Feedback",
        ContributionKind.Concern => "Concern",
        ContributionKind.Praise => "Praise",
        _ => "Question",
    };

    public static string DisplayName(this Channel channel) => channel switch
    {
        Channel.Conversation => "Conversation",
        Channel.DropIn => "Drop-in",
        Channel.OneToOne => "One-to-one",
        Channel.GroupMeeting => "Group meeting",
        Channel.Survey => "Survey",
        Channel.OnlineForm => "Online form",
        Channel.Phone => "Phone",
        Channel.SocialMedia => "Social media",
        Channel.Event => "Event",
        _ => "Other",
    };

    public static string DisplayName(this Provenance provenance) => provenance switch
    {
        Provenance.FirstHand => "Said first-hand",
        _ => "Told to us on their behalf",
    };

    public static string DisplayName(this ContributionSource source) => source switch
    {
        ContributionSource.Staff => "Recorded by staff",
        ContributionSource.Partner => "Added by a partner",
        ContributionSource.PublicForm => "Public form",
        _ => "Imported",
    };

    public static string DisplayName(this OutcomeStatus status) => status switch
    {
        OutcomeStatus.New => "New",
        OutcomeStatus.BeingConsidered => "Being considered",
        OutcomeStatus.Planned => "Planned",
        OutcomeStatus.PartOfProject => "Part of a project",
        OutcomeStatus.Done => "Done",
        _ => "Not possible",
    };

    /// <summary>The govuk-tag colour modifier for an outcome.</summary>
    public static string TagClass(this OutcomeStatus status) => status switch
    {
        OutcomeStatus.New => "govuk-tag--grey",
        OutcomeStatus.BeingConsidered => "govuk-tag--yellow",
        OutcomeStatus.Planned => "govuk-tag--light-blue",
        OutcomeStatus.PartOfProject => "govuk-tag--blue",
        OutcomeStatus.Done => "govuk-tag--green",
        _ => "govuk-tag--red",
    };

    public static string DisplayName(this NotPossibleReason reason) => reason switch
    {
        NotPossibleReason.OutsideWhatWeCanChange => "Outside what we can change",
        NotPossibleReason.NonNegotiableBoundary => "A boundary we cannot move",
        NotPossibleReason.NotAffordableNow => "Not affordable now",
        NotPossibleReason.SomeoneElsesResponsibility => "Someone else's responsibility",
        _ => "Other",
    };

    public static string DisplayName(this TellingMethod method) => method switch
    {
        TellingMethod.InPerson => "In person",
        TellingMethod.Phone => "Phone call",
        TellingMethod.Email => "Email",
        TellingMethod.TextMessage => "Text message",
        TellingMethod.Letter => "Letter",
        TellingMethod.AtAMeeting => "At a meeting",
        _ => "Other",
    };
}
