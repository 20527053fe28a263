namespace WithUs.Tests.Features.Themes;

/// <summary>
/// The themes page shows each theme's count of things said and its voices in the window, and a theme's page its
/// voices over time: each must cost the same whether the organisation's history before the window is short or long,
/// and, once counted, whether the window is quiet or busy (issue 9).
/// </summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task ThemesPage_CostsTheSame_WithALongerHistory() =>
        BuildUpSteps.ShouldCostTheSameWithALongerHistoryAsync(app, (staff, _) => $"{staff.Org}/themes");

    [DatabaseFact]
    public Task ThemesPage_SeenAgain_CostsTheSame_WithABusierWindow() =>
        BuildUpSteps.ShouldCostTheSameWithABusierWindowOnceCountedAsync(app, (staff, _) => $"{staff.Org}/themes");

    [DatabaseFact]
    public Task ThemePage_SeenAgain_CostsTheSame_WithABusierWindow() =>
        BuildUpSteps.ShouldCostTheSameWithABusierWindowOnceCountedAsync(app, (staff, theme) => $"{staff.Org}/themes/{theme}");
}
