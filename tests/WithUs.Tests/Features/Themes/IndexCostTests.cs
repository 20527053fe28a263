namespace WithUs.Tests.Features.Themes;

/// <summary>
/// The themes page shows each theme's count of things said and its voices in the window: it must cost the same whether
/// the organisation's history before the window is short or long (issue 9).
/// </summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task ThemesPage_CostsTheSame_WithALongerHistory()
    {
        using var small = await BuildUpSteps.SeedWindowAndHistoryAsync(app, 20);
        using var large = await BuildUpSteps.SeedWindowAndHistoryAsync(app, 1_000);

        var smallCost = await BuildUpSteps.CostAsync(app, small, $"{small.Org}/themes");
        var largeCost = await BuildUpSteps.CostAsync(app, large, $"{large.Org}/themes");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 before the window: {smallCost}\n1,000 before the window: {largeCost}");
    }
}
