namespace WithUs.Tests.Features.Themes;

/// <summary>
/// The themes page shows each theme's count of things said and its voices in the window: it must cost the same whether
/// the organisation's history before the window is short or long (issue 9).
/// </summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task ThemesPage_CostsTheSame_WithALongerHistory() =>
        BuildUpSteps.ShouldCostTheSameWithALongerHistoryAsync(app, staff => $"{staff.Org}/themes");
}
