namespace WithUs.Tests.Features.Public;

/// <summary>
/// The public front door costs what it shows (the newest ideas open for voices), not how long the organisation's
/// history is (issue 9): see <see cref="PublicPages.PublicHistoriesAsync"/>.
/// </summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task Landing_CostsTheSame_WithALongerHistory() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(o => $"/p/{o.Slug}");
}
