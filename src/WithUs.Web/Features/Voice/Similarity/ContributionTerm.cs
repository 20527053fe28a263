namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>One normalised word of a contribution's text: the similarity index, kept in the database so it is
/// filtered by organisation like everything else and shared by every app node.</summary>
public sealed class ContributionTerm : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid ContributionId { get; set; }

    public required string Term { get; set; }

    public const int TermMaxLength = 40;
}
