namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// What a contribution's text means, as the sentence model sees it: <see cref="SentenceModel.Dimensions"/> unit-length
/// float32 values, stored as bytes (the same on both databases). Removed when the text changes, and made again by
/// <see cref="EmbeddingJob"/>, as is a vector of another <see cref="Model"/>.
/// </summary>
public sealed class ContributionVector : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid ContributionId { get; set; }

    public Guid OrganisationId { get; set; }

    public required string Model { get; set; }

    public required byte[] Vector { get; set; }

    public const int ModelMaxLength = 100;
}
