namespace WithUs.Tests.Features.Public;

/// <summary>The public front door costs what it shows (the newest 50 ideas open for voices), not what the organisation holds.</summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task Landing_ReadsAboutTheSame_ForAnOrganisationFourTimesLarger() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(organisation => $"/p/{organisation.Slug}");
}
