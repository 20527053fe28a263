using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// One thing someone said, from any channel. A contribution may stand alone (an idea, with its own outcome) or add a
/// voice to an earlier one ("me too": <see cref="LinkedToId"/>), in which case the earlier one's text and outcome are
/// what count, and this one records who else said it and whether they were told.
/// </summary>
public sealed class Contribution : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>What was said, in their words as far as possible. Never rewritten when others add their voice.</summary>
    public required string Text { get; set; }

    public ContributionKind Kind { get; set; }

    public Channel Channel { get; set; }

    /// <summary>The day it was said (UTC midnight); may be earlier than when it was recorded.</summary>
    public DateTime SaidOnUtc { get; set; }

    public Provenance Provenance { get; set; }

    /// <summary>When told on their behalf: who passed it on (a support worker, a relative), in a few words.</summary>
    public string? RelayedBy { get; set; }

    /// <summary>Null when anonymous, or when the person was deleted (the contribution is kept, de-identified).</summary>
    public Guid? PersonId { get; set; }

    public Person? Person { get; set; }

    public ContributionSource Source { get; set; }

    public Guid? RecordedByUserId { get; set; }

    /// <summary>The earlier contribution this one adds a voice to ("me too").</summary>
    public Guid? LinkedToId { get; set; }

    public Contribution? LinkedTo { get; set; }

    public List<Contribution> Voices { get; set; } = [];

    public List<ContributionTheme> Themes { get; set; } = [];

    /// <summary>Meaningful on a contribution that stands alone; one that adds a voice shows its original's outcome.</summary>
    public OutcomeStatus Outcome { get; set; }

    public NotPossibleReason? NotPossibleReason { get; set; }

    /// <summary>
    /// The plain explanation of the outcome, written for the person who said it. Never published: the public read
    /// <see cref="PublicOutcome"/>.
    /// </summary>
    public string? OutcomeExplanation { get; set; }

    public DateTime? OutcomeAtUtc { get; set; }

    /// <summary>
    /// On an idea, the project it led to or is part of (Projects maps the key; Voice names it by id only). It stays
    /// when the outcome later moves on, to done or not possible, so the project keeps the things said that led to it.
    /// </summary>
    public Guid? ProjectId { get; set; }

    /// <summary>When the person was told the outcome; telling is a separate step from deciding.</summary>
    public DateTime? ToldAtUtc { get; set; }

    public TellingMethod? ToldHow { get; set; }

    /// <summary>The outcome they were told, so a later change of outcome makes them owed a reply again.</summary>
    public OutcomeStatus? ToldOutcome { get; set; }

    public string? ToldNote { get; set; }

    /// <summary>
    /// Shown on the public "You said, we did" page, in the words staff wrote for the public (<see cref="PublicSummary"/>
    /// and <see cref="PublicOutcome"/>), never the original words nor what was written for the person.
    /// </summary>
    public bool IsPublished { get; set; }

    /// <summary>"You said": what people asked for, in words for the public.</summary>
    public string? PublicSummary { get; set; }

    /// <summary>"We did": what happened, in words for the public; without it the public see only the outcome's plain sentence.</summary>
    public string? PublicOutcome { get; set; }

    public DateTime? PublishedAtUtc { get; set; }

    /// <summary>
    /// The outcome that counts for this row (its own, or for a "me too" its idea's), copied onto every row by the
    /// database itself (triggers, migration IdeaOutcomeOnEachRow) so that "owed a reply" can be found by an index
    /// instead of joining every row to its idea. Never written by the app.
    /// </summary>
    public OutcomeStatus IdeaOutcome { get; private set; }

    /// <summary>When the outcome that counts was decided (see <see cref="IdeaOutcome"/>): the order of who waits longest.</summary>
    public DateTime? IdeaOutcomeAtUtc { get; private set; }

    /// <summary>Whether the idea this row counts towards is on the public pages (see <see cref="IdeaOutcome"/>).</summary>
    public bool IdeaIsPublished { get; private set; }

    /// <summary>
    /// Whether whoever said this can be told an outcome (<see cref="Outcomes.OwedReplies.CanBeTold"/>: they agreed to be
    /// contacted, or have an account here), copied from their record by the database (triggers, migration
    /// CanBeToldOnEachRow) so that "owed a reply" and "no way to tell" each read only their own rows. False for an
    /// anonymous row. Never written by the app.
    /// </summary>
    public bool CanBeTold { get; private set; }

    /// <summary>
    /// On an idea, its voices: whoever said it and everyone who added "me too", each person once, each anonymous row
    /// once (as <see cref="VoiceCounts.Of"/> counts them); 1 on a "me too". Recounted by the database whenever a row
    /// joins or leaves the idea or its person changes (triggers, migration VoiceCountOnEachIdea). Never written by the app.
    /// </summary>
    public int VoiceCount { get; private set; } = 1;

    /// <summary>On an idea, how many "me too"s it has; 0 on a "me too". Kept with <see cref="VoiceCount"/>.</summary>
    public int MeTooCount { get; private set; }

    /// <summary>How many index terms the text produced: the length used to weigh similarity.</summary>
    public int TermCount { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public const int TextMaxLength = 4000;
    public const int RelayedByMaxLength = 200;
    public const int ExplanationMaxLength = 2000;
    public const int ToldNoteMaxLength = 500;
    public const int PublicSummaryMaxLength = 500;
    public const int PublicOutcomeMaxLength = 1000;

    /// <summary>
    /// Something a person sent in themselves through an online form (a public page, or their own page as a partner),
    /// said today. A "me too" says which idea it adds its voice to.
    /// </summary>
    public static Contribution SentOnline(
        string? text, ContributionKind kind, ContributionSource source, Guid? personId, OrganisationClock clock,
        Guid? linkedToId = null) => new()
        {
            Id = Ids.New(),
            Text = PlainTextAttribute.Clean(text),
            Kind = kind,
            Channel = Channel.OnlineForm,
            SaidOnUtc = clock.StoredToday,
            Provenance = Provenance.FirstHand,
            PersonId = personId,
            Source = source,
            LinkedToId = linkedToId,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = clock.UtcNow,
        };
}
