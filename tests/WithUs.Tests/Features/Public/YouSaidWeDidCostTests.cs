namespace WithUs.Tests.Features.Public;

/// <summary>
/// "You said, we did" and its feed cost what they show (a page of outcomes; the newest in the feed), not how long the
/// organisation's history is (issue 9): see <see cref="PublicPages.PublicHistoriesAsync"/>.
/// </summary>
public sealed class YouSaidWeDidCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task FirstPage_CostsTheSame_WithALongerHistory() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(o => $"/p/{o.Slug}/you-said-we-did");

    [DatabaseFact]
    public Task APageNearTheEnd_CostsTheSame_WithALongerHistory() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(o => $"/p/{o.Slug}/you-said-we-did?after={o.NearTheEnd.Encode()}");

    [DatabaseFact]
    public Task Feed_CostsTheSame_WithALongerHistory() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(o => $"/p/{o.Slug}/you-said-we-did.atom");
}
