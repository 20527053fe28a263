namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>One normalised word of a contribution's text: the similarity index, kept in the database so it is
/// filtered by organisation like everything else and shared by every app node. Keyed by its contribution and term
/// (a text's terms are distinct): a separate id cost an index of its own on every write (migration ContributionTermKey).</summary>
public sealed class ContributionTerm : ITenantOwned
{
    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }

    /// <summary>The row has no id of its own; what it belongs to is its contribution.</summary>
    Guid ITenantOwned.Id => ContributionId;

    public required string Term { get; set; }

    public const int TermMaxLength = 40;
}
