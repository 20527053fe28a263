using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Themes;

/// <summary>
/// A theme's page shows its newest 100 contributions: past the thousand that the list counts, what it reads must not
/// grow with the theme (issue 9; at a region's size the largest theme holds tens of thousands).
/// </summary>
public sealed class ThemePageCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const int Step = 1_100;

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task ATheme_OfManyContributions_CostsTheSame_WhenItHoldsTwiceAsMany()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Getting about");
        var url = $"{staff.Org}/themes/{theme.Id}";

        await AddToThemeAsync(staff.Organisation, theme.Id, 0);
        var before = await CostAsync(staff, url);
        await AddToThemeAsync(staff.Organisation, theme.Id, Step);
        var after = await CostAsync(staff, url);

        after.Total.ShouldBeLessThanOrEqualTo(before.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"{Step} in the theme: {before}\n{2 * Step} in the theme: {after}");
    }

    /// <summary><see cref="Step"/> more contributions, every other one in the theme, said before those already there.</summary>
    private async Task AddToThemeAsync(TestOrganisation organisation, Guid theme, int already)
    {
        var made = await app.CreateContributionsAsync(organisation, 2 * Step, i => $"The bus to the hospital, number {already + i}",
            (i, c) => c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-1 - (already + i) / 10));
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.ContributionThemes.AddRange(made.Where((_, i) => i % 2 == 0)
                .Select(c => new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = c.Id, ThemeId = theme }));
            await db.SaveChangesAsync();
        });
    }

    private Task<ReadCost> CostAsync(SignedIn staff, string url) => ReadCost.OfSecondLookAsync(app, staff.Client, url);
}
