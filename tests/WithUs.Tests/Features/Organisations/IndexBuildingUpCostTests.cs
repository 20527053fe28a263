using WithUs.Tests.Features.Themes;

namespace WithUs.Tests.Features.Organisations;

/// <summary>
/// The staff home's "building up" counts the voices of the window only: it must cost the same whether the
/// organisation's history before the window is short or long (issue 9). The history is said without names and decided,
/// so that the owed-a-reply count on the same page has nothing more to count in it.
/// </summary>
public sealed class IndexBuildingUpCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task StaffHome_CostsTheSame_WithALongerHistory()
    {
        using var small = await BuildUpSteps.SeedWindowAndHistoryAsync(app, 20);
        using var large = await BuildUpSteps.SeedWindowAndHistoryAsync(app, 1_000);

        var smallCost = await BuildUpSteps.CostAsync(app, small, small.Org);
        var largeCost = await BuildUpSteps.CostAsync(app, large, large.Org);

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 before the window: {smallCost}\n1,000 before the window: {largeCost}");
    }
}
