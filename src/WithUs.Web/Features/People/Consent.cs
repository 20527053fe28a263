using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People;

/// <summary>
/// One answer a person gave about one thing we may do with what they share: given or withdrawn, when, how, and who
/// wrote it down. Never changed or removed while the person is kept: the newest answer for each kind is the one that
/// stands, and the ones before it are the history (<see cref="ConsentState"/>).
/// </summary>
public sealed class Consent : ITenantOwned, IAudited
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PersonId { get; set; }

    public ConsentKind Kind { get; set; }

    /// <summary>True when they agreed; false when they said no or withdrew.</summary>
    public bool Given { get; set; }

    public DateTime AtUtc { get; set; }

    public ConsentWay Way { get; set; }

    /// <summary>The member of staff who wrote it down; null when the person gave it themselves (a public form, their account).</summary>
    public Guid? RecordedByUserId { get; set; }

    /// <summary>Who gave it for them, when <see cref="Way"/> is <see cref="ConsentWay.ThroughSomeone"/>: "Sam, their key worker".</summary>
    public string? ThroughWhom { get; set; }

    public const int ThroughWhomMaxLength = 100;
}

/// <summary>The things a person can agree to separately. Each is asked and answered on its own.</summary>
public enum ConsentKind
{
    /// <summary>That we keep what they say with their name. Nobody is kept without it.</summary>
    Record = 0,

    /// <summary>That we contact them about what happens and about chances to take part, in the way they chose.</summary>
    Contact = 1,

    Photos = 2,

    /// <summary>That we quote them or name them, for example in a case study or a report to a funder.</summary>
    Quoted = 3,

    /// <summary>That they answer the equality monitoring questions, kept apart and only ever counted.</summary>
    EqualityMonitoring = 4,
}

/// <summary>How an answer reached us.</summary>
public enum ConsentWay
{
    InPerson = 0,
    Phone = 1,
    InWriting = 2,

    /// <summary>They gave it themselves, online: a public form or their own account.</summary>
    Online = 3,

    /// <summary>Someone else gave it on their behalf (a key worker, a carer): who is in <see cref="Consent.ThroughWhom"/>.</summary>
    ThroughSomeone = 4,

    /// <summary>Not written down: answers kept before WithUs recorded how, or capture on an "other" channel.</summary>
    NotRecorded = 5,
}

/// <summary>How and by whom an answer was given: what every creation and change of consent must say.</summary>
public sealed record ConsentSource(ConsentWay Way, Guid? RecordedByUserId, string? ThroughWhom = null)
{
    /// <summary>The person gave it themselves online: the public form, My voice.</summary>
    public static ConsentSource Themselves { get; } = new(ConsentWay.Online, null);

    /// <summary>
    /// What staff capturing what someone said know about how they agreed: the channel they said it through, or the
    /// person who passed it on for them.
    /// </summary>
    public static ConsentSource FromCapture(Channel channel, Provenance provenance, string? relayedBy, Guid? recordedBy) =>
        provenance == Provenance.OnTheirBehalf
            ? new(ConsentWay.ThroughSomeone, recordedBy, string.IsNullOrWhiteSpace(relayedBy) ? null : Trimmed(relayedBy))
            : new(WayOf(channel), recordedBy);

    public static ConsentWay WayOf(Channel channel) => channel switch
    {
        Channel.Conversation or Channel.DropIn or Channel.OneToOne or Channel.GroupMeeting or Channel.Event => ConsentWay.InPerson,
        Channel.Phone => ConsentWay.Phone,
        Channel.Survey => ConsentWay.InWriting,
        Channel.OnlineForm or Channel.SocialMedia => ConsentWay.Online,
        _ => ConsentWay.NotRecorded,
    };

    private static string Trimmed(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= Consent.ThroughWhomMaxLength ? trimmed : trimmed[..Consent.ThroughWhomMaxLength];
    }
}

public static class ConsentWords
{
    /// <summary>The kind as it appears in a page's address: /consent/equality-monitoring.</summary>
    public static string Slug(this ConsentKind kind) => kind switch
    {
        ConsentKind.EqualityMonitoring => "equality-monitoring",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static ConsentKind? FromSlug(string? slug) =>
        Enum.GetValues<ConsentKind>().Cast<ConsentKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);

    /// <summary>What staff read: the thing agreed to, as a short heading.</summary>
    public static string Title(this ConsentKind kind) => kind switch
    {
        ConsentKind.Record => "Keep what they say with their name",
        ConsentKind.Contact => "Contact them",
        ConsentKind.Photos => "Photos of them",
        ConsentKind.Quoted => "Quote or name them",
        _ => "Equality monitoring questions",
    };

    /// <summary>The question staff answer when recording it.</summary>
    public static string Question(this ConsentKind kind) => kind switch
    {
        ConsentKind.Record => "Do they agree that we keep what they say with their name?",
        ConsentKind.Contact => "Do they agree that we contact them?",
        ConsentKind.Photos => "Do they agree to photos of them being taken and used?",
        ConsentKind.Quoted => "Do they agree to being quoted or named, for example in a case study?",
        _ => "Do they agree to answer the equality monitoring questions?",
    };

    /// <summary>The same thing in the partner's words, on their own pages.</summary>
    public static string ForThem(this ConsentKind kind) => kind switch
    {
        ConsentKind.Record => "We keep what you tell us with your name",
        ConsentKind.Contact => "We can get in touch with you",
        ConsentKind.Photos => "We can take and use photos of you",
        ConsentKind.Quoted => "We can use your words or your name, for example in a story about our work",
        _ => "You answer questions about yourself that help us check we are fair to everyone",
    };

    /// <summary>What saying no means, in the partner's words, on their own pages.</summary>
    public static string IfNo(this ConsentKind kind) => kind switch
    {
        ConsentKind.Record => "If you say no, we will remove everything about you within a month. What you told us stays, with no name on it.",
        ConsentKind.Contact => "If you say no, we will not get in touch with you, and we forget how to.",
        ConsentKind.EqualityMonitoring => "If you say no, we remove any answers you gave.",
        _ => "You can change your mind at any time.",
    };

    public static string Words(this ConsentWay way) => way switch
    {
        ConsentWay.InPerson => "in person",
        ConsentWay.Phone => "by phone",
        ConsentWay.InWriting => "in writing",
        ConsentWay.Online => "online, themselves",
        ConsentWay.ThroughSomeone => "through someone on their behalf",
        _ => "not recorded",
    };

    /// <summary>The choices staff have when recording an answer ("not recorded" is never chosen, only inherited).</summary>
    public static IReadOnlyList<ConsentWay> Choosable { get; } =
        [ConsentWay.InPerson, ConsentWay.Phone, ConsentWay.InWriting, ConsentWay.Online, ConsentWay.ThroughSomeone];
}
