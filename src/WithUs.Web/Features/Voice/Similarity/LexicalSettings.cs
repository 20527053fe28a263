namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// The settings of <see cref="LexicalScorer"/>, chosen on both labelled sets together (docs/adr/0006-similarity.md,
/// SimilarityQualityTests), so that they do not fit the one set they were tried on.
/// </summary>
/// <param name="SkeletonWeight">A skeleton match ("recieve" for "receive") is weaker evidence than the same stem.</param>
/// <param name="MinimumCoverage">A suggestion must cover at least this share of what the text is about, by term weight.</param>
/// <param name="CommonShare">A term in more than this share of the organisation's contributions is weighed down in
/// proportion (at twice the share, half its weight): an organisation's favourite word says little about which idea.</param>
public sealed record LexicalSettings(double SkeletonWeight, double MinimumCoverage, double CommonShare)
{
    public static readonly LexicalSettings Shipped = new(SkeletonWeight: 0.4, MinimumCoverage: 0.13, CommonShare: 0.05);
}
