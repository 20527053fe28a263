namespace WithUs.Tests.Features.Public;

/// <summary>"You said, we did" and its feed cost what they show (the newest 200 outcomes), not what the organisation holds.</summary>
public sealed class YouSaidWeDidCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task Page_ReadsAboutTheSame_ForAnOrganisationFourTimesLarger() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(organisation => $"/p/{organisation.Slug}/you-said-we-did");

    [DatabaseFact]
    public Task Feed_ReadsAboutTheSame_ForAnOrganisationFourTimesLarger() =>
        app.ShouldCostAboutTheSameAtBothSizesAsync(organisation => $"/p/{organisation.Slug}/you-said-we-did.atom");
}
