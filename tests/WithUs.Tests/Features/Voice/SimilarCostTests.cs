using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// Suggestions while typing (similar ideas and the themes they were given) cost what they show, not how much has been
/// filed under those themes (issue 9): the same similar idea, in a theme that holds 30 or 1,000 other contributions.
/// </summary>
public sealed class SimilarCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const string Typed = "A walking group on Tuesday mornings for people new to the area";

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Suggestions_CostTheSame_WhenTheirThemesHoldMore()
    {
        var small = await SeedAsync(30);
        var large = await SeedAsync(1_000);

        var smallCost = await CostAsync(small);
        var largeCost = await CostAsync(large);

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"30 in the theme: {smallCost}\n1,000 in the theme: {largeCost}");
    }

    /// <summary>One idea like the text, with three "me too"s, in a theme that also holds <paramref name="others"/> unlike it.</summary>
    private async Task<SignedIn> SeedAsync(int others)
    {
        var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Getting out and about");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Could there be a walking group on Tuesday mornings?");
        var filed = await app.CreateContributionsAsync(staff.Organisation, others, i => $"The lift at the flats is broken again, number {i}");
        for (var i = 0; i < 3; i++)
        {
            await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = idea.Id);
        }

        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            db.ContributionThemes.AddRange(filed.Append(idea)
                .Select(c => new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = c.Id, ThemeId = theme.Id }));
            await db.SaveChangesAsync();
        });
        return staff;
    }

    private async Task<ReadCost> CostAsync(SignedIn staff)
    {
        (await CaptureSteps.SimilarAsync(staff, Typed)).QuerySelector("main, body")!.TextContent.ShouldContain("walking group");
        return await ReadCost.OfAsync(app, () => CaptureSteps.SimilarAsync(staff, Typed));
    }
}
