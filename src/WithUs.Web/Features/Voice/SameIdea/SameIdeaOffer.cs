namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// Two standalone ideas that very probably say the same thing in other words, offered to staff ("these look like the
/// same idea — link them?") rather than linked silently. One row per pair, whatever happens to it: the ids are kept
/// in a fixed order (<see cref="Pair"/>) under a unique index, so two finders racing store it once, and a pair staff
/// dismissed is never offered again.
/// </summary>
public sealed class SameIdeaOffer : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The lower of the two ids (<see cref="Pair"/>).</summary>
    public Guid FirstId { get; set; }

    public Guid SecondId { get; set; }

    /// <summary>How alike the finder judged them (<see cref="Similarity.SimilarContribution.Score"/>), for the order they are shown in.</summary>
    public double Score { get; set; }

    public DateTime FoundAtUtc { get; set; }

    public SameIdeaDecision Decision { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// <summary>The idea whose words were kept, when linked.</summary>
    public Guid? KeptId { get; set; }

    public Guid Other(Guid id) => id == FirstId ? SecondId : FirstId;

    /// <summary>The two ids in the order every row stores them.</summary>
    public static (Guid First, Guid Second) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
