using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Themes;

/// <summary>
/// An organisation whose ideas building up are the same whatever its size, whose history before the build-up window is
/// <c>history</c> contributions long, and whose window also holds <c>oneOffs</c> ideas said once, anonymously, in a
/// theme of their own: the pages that count the window (the themes pages, the staff home's "building up") must cost
/// what the window holds, not what the history holds (issue 9), and, once counted, not even what the window holds.
/// </summary>
public static class BuildUpSteps
{
    /// <summary>Who looks, and one of the themes the ideas building up are in.</summary>
    private sealed record Seeded(SignedIn Staff, Guid Theme) : IDisposable
    {
        public void Dispose() => Staff.Dispose();
    }

    /// <summary>Contributions in the window: five ideas, each with seven "me too"s from different people.</summary>
    public const int InWindow = 40;

    public const int Themes = 3;

    private static async Task<Seeded> SeedWindowAndHistoryAsync(WithUsFactory app, int history, int oneOffs = 0)
    {
        var staff = await app.SignedInAsync();
        var people = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            people.Add((await app.CreatePersonAsync(staff.Organisation)).Id);
        }

        var themes = new List<Guid>();
        for (var i = 0; i < Themes; i++)
        {
            themes.Add((await app.CreateThemeAsync(staff.Organisation)).Id);
        }

        var today = DateTime.UtcNow.Date;
        var ids = new List<Guid>();
        var made = await app.CreateContributionsAsync(staff.Organisation, InWindow + history, i => $"Somewhere warm to meet on Sundays, number {i}",
            (i, c) =>
            {
                ids.Add(c.Id);
                if (i < InWindow)
                {
                    // Well inside the default 90 days, wherever the organisation's day begins.
                    c.SaidOnUtc = today.AddDays(-2 - i);
                    c.PersonId = people[i % 8];
                    c.LinkedToId = i % 8 == 0 ? null : ids[i - (i % 8)];
                }
                else
                {
                    // Long before the window: said without a name and decided, so nobody is owed a reply for them.
                    c.SaidOnUtc = today.AddDays(-200 - (i % 1500));
                    c.Outcome = OutcomeStatus.Done;
                    c.OutcomeAtUtc = DateTime.UtcNow;
                    c.LinkedToId = i % 4 == 0 ? null : ids[i - (i % 4)];
                }
            });
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            for (var i = 0; i < made.Count; i++)
            {
                // Every idea in a theme, and a few "me too"s in one of their own.
                if (made[i].LinkedToId is null || i % 5 == 0)
                {
                    db.ContributionThemes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = made[i].Id, ThemeId = themes[i / 8 % Themes] });
                }
            }

            await db.SaveChangesAsync();
        });
        if (oneOffs > 0)
        {
            var theirs = await app.CreateThemeAsync(staff.Organisation);
            var said = await app.CreateContributionsAsync(staff.Organisation, oneOffs, i => $"Said once, number {i}",
                (i, c) => c.SaidOnUtc = today.AddDays(-2 - (i % 20)));
            await app.InOrganisationAsync(staff.Organisation, async db =>
            {
                db.ContributionThemes.AddRange(said.Select(c => new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = c.Id, ThemeId = theirs.Id }));
                await db.SaveChangesAsync();
            });
        }

        return new Seeded(staff, themes[0]);
    }

    /// <summary>The page at <paramref name="path"/> costs about the same after 20 and after 1,000 contributions before the window.</summary>
    public static async Task ShouldCostTheSameWithALongerHistoryAsync(WithUsFactory app, Func<SignedIn, Guid, string> path)
    {
        using var small = await SeedWindowAndHistoryAsync(app, 20);
        using var large = await SeedWindowAndHistoryAsync(app, 1_000);

        var smallCost = await CostAsync(app, small.Staff, path(small.Staff, small.Theme));
        var largeCost = await CostAsync(app, large.Staff, path(large.Staff, large.Theme));

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 before the window: {smallCost}\n1,000 before the window: {largeCost}");
    }

    /// <summary>
    /// Seen once, the page at <paramref name="path"/> costs about the same again whether the window holds 20 or 1,000
    /// more ideas that are not building up: its counts are kept until something is said.
    /// </summary>
    public static async Task ShouldCostTheSameWithABusierWindowOnceCountedAsync(WithUsFactory app, Func<SignedIn, Guid, string> path)
    {
        using var quiet = await SeedWindowAndHistoryAsync(app, 20, oneOffs: 20);
        using var busy = await SeedWindowAndHistoryAsync(app, 20, oneOffs: 1_000);

        var quietCost = await CostAsync(app, quiet.Staff, path(quiet.Staff, quiet.Theme));
        var busyCost = await CostAsync(app, busy.Staff, path(busy.Staff, busy.Theme));

        busyCost.Total.ShouldBeLessThanOrEqualTo(quietCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 more in the window: {quietCost}\n1,000 more in the window: {busyCost}");
    }

    private static Task<ReadCost> CostAsync(WithUsFactory app, SignedIn staff, string path) =>
        ReadCost.OfSecondLookAsync(app, staff.Client, path);
}
