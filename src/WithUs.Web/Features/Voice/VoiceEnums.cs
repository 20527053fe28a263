namespace WithUs.Web.Features.Voice;

public enum ContributionKind
{
    Idea = 0,
    Need = 1,
    Feedback = 2,
    Concern = 3,
    Praise = 4,
    Question = 5,
}

public enum Channel
{
    Conversation = 0,
    DropIn = 1,
    OneToOne = 2,
    GroupMeeting = 3,
    Survey = 4,
    OnlineForm = 5,
    Phone = 6,
    SocialMedia = 7,
    Event = 8,
    Other = 9,
}

/// <summary>Whether we heard it from the person, or from someone speaking for them (seed 004: "second or even third parties").</summary>
public enum Provenance
{
    FirstHand = 0,
    OnTheirBehalf = 1,
}

public enum ContributionSource
{
    Staff = 0,
    Partner = 1,
    PublicForm = 2,
    Import = 3,
}

public enum OutcomeStatus
{
    New = 0,
    BeingConsidered = 1,
    Planned = 2,
    PartOfProject = 3,
    Done = 4,
    NotPossible = 5,
}

public enum NotPossibleReason
{
    OutsideWhatWeCanChange = 0,
    NonNegotiableBoundary = 1,
    NotAffordableNow = 2,
    SomeoneElsesResponsibility = 3,
    Other = 4,
}

public enum TellingMethod
{
    InPerson = 0,
    Phone = 1,
    Email = 2,
    TextMessage = 3,
    Letter = 4,
    AtAMeeting = 5,
    Other = 6,
}

public enum InterestKind
{
    WouldTakePart = 0,
    WantsToHear = 1,
}

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

    public static string DisplayName(this InterestKind kind) => kind switch
    {
        InterestKind.WouldTakePart => "Would take part",
        _ => "Wants to hear about it",
    };
}
