using WithUs.Tests.Features.Themes;

namespace WithUs.Tests.Features.Organisations;

/// <summary>
/// The staff home's "building up" counts the voices of the window only: it must cost the same whether the
/// organisation's history before the window is short or long, and, once counted, whether the window is quiet or busy
/// (issue 9). The history is said without names and decided, and the window's extra ideas without names, so that the
/// owed-a-reply count on the same page has nothing more to count in them.
/// </summary>
public sealed class IndexBuildingUpCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task StaffHome_CostsTheSame_WithALongerHistory() =>
        BuildUpSteps.ShouldCostTheSameWithALongerHistoryAsync(app, (staff, _) => staff.Org);

    [DatabaseFact]
    public Task StaffHome_SeenAgain_CostsTheSame_WithABusierWindow() =>
        BuildUpSteps.ShouldCostTheSameWithABusierWindowOnceCountedAsync(app, (staff, _) => staff.Org);
}
