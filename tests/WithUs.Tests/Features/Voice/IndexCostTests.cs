using System.Collections.Concurrent;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// The list of what people said costs what it shows, not what the organisation holds (issue 9): its first page, a
/// page near the end, a search and one theme read about as much in an organisation of <see cref="Small"/> as in one of
/// <see cref="Large"/>, each with the same number of rows matching the search and in the theme.
/// </summary>
public sealed class IndexCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const int Small = 1_050;
    private const int Large = 2_600;
    private const int Matching = 30;

    private static readonly ConcurrentDictionary<WithUsFactory, Task<(Seeded Small, Seeded Large)>> SeededApps = new();

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public Task FirstPage_CostsTheSame_InALargerOrganisation() => ShouldCostAboutTheSameAsync(_ => "");

    [DatabaseFact]
    public Task APageNearTheEnd_CostsTheSame_InALargerOrganisation() => ShouldCostAboutTheSameAsync(DeepPage);

    [DatabaseFact]
    public Task Searched_CostsTheSame_InALargerOrganisation() => ShouldCostAboutTheSameAsync(_ => "?q=allotments");

    [DatabaseFact]
    public Task OneTheme_CostsTheSame_InALargerOrganisation() => ShouldCostAboutTheSameAsync(s => $"?theme={s.Theme}");

    [DatabaseFact]
    public async Task ATheme_OfMoreThanTheCountShows_CostsAboutWhatASmallOneCosts()
    {
        // 1,200 in the larger organisation's second theme, past the count the page shows ("more than 1,000"): its first
        // page must not read all of them, to count them or to choose how to find them.
        var (_, large) = await SeededApps.GetOrAdd(app, _ => SeedBothAsync());

        var smallTheme = await CostAsync(large, $"?theme={large.Theme}");
        var largeTheme = await CostAsync(large, $"?theme={large.LargeTheme}");

        largeTheme.Total.ShouldBeLessThanOrEqualTo(smallTheme.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"{Matching} in the theme: {smallTheme}\n{(Large - 200) / 2} in the theme: {largeTheme}");
    }

    /// <summary>The page after the 30th row from the end (its "Next" link): deep in either organisation.</summary>
    private static string DeepPage(Seeded seeded) => $"?after={seeded.NearTheEnd.Encode()}";

    private async Task ShouldCostAboutTheSameAsync(Func<Seeded, string> query)
    {
        var (small, large) = await SeededApps.GetOrAdd(app, _ => SeedBothAsync());

        var smallCost = await CostAsync(small, query(small));
        var largeCost = await CostAsync(large, query(large));

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"{Small} in the organisation: {smallCost}\n{Large} in the organisation: {largeCost}");
    }

    private Task<ReadCost> CostAsync(Seeded seeded, string query) =>
        ReadCost.OfSecondLookAsync(app, seeded.Staff.Client, $"/o/{seeded.Staff.Organisation.Slug}/voice{query}");

    private async Task<(Seeded Small, Seeded Large)> SeedBothAsync() => (await SeedAsync(Small), await SeedAsync(Large));

    /// <summary>
    /// An organisation of <paramref name="size"/>: some named, some me-toos, every outcome, two themes; the newest
    /// <see cref="Matching"/> mention allotments, and another <see cref="Matching"/> are in the theme the test opens.
    /// </summary>
    private async Task<Seeded> SeedAsync(int size)
    {
        var staff = await app.SignedInAsync();
        var people = new List<Person>();
        for (var i = 0; i < 5; i++)
        {
            people.Add(await app.CreatePersonAsync(staff.Organisation));
        }

        var gardens = await app.CreateThemeAsync(staff.Organisation, "Gardens");
        var transport = await app.CreateThemeAsync(staff.Organisation, "Transport");
        string[] topics = ["the bus to town", "a warm room in winter", "help with forms", "the lift at the flats", "somewhere to talk"];
        OutcomeStatus[] outcomes = [OutcomeStatus.New, OutcomeStatus.BeingConsidered, OutcomeStatus.Planned, OutcomeStatus.Done];
        var ids = new Guid[size];
        var made = await app.CreateContributionsAsync(staff.Organisation, size,
            i => i < Matching ? $"More allotments near the estate, please ({i})" : $"Something about {topics[i % topics.Length]}, number {i}",
            (i, c) =>
            {
                ids[i] = c.Id;
                c.PersonId = i % 3 == 0 ? people[i % people.Count].Id : null;
                c.Outcome = outcomes[i % outcomes.Length];
                c.LinkedToId = i % 7 == 3 ? ids[i - 3] : null;
            });
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            for (var i = 0; i < size; i++)
            {
                var theme = i is >= 100 and < 100 + Matching ? gardens.Id : i % 2 == 0 && i >= 200 ? transport.Id : (Guid?)null;
                if (theme is { } themeId)
                {
                    db.ContributionThemes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = made[i].Id, ThemeId = themeId });
                }
            }

            await db.SaveChangesAsync();
        });
        var nearTheEnd = made.OrderBy(c => c.SaidOnUtc).ThenBy(c => c.CreatedAtUtc).ThenBy(c => c.Id).ElementAt(30);
        return new Seeded(staff, gardens.Id, transport.Id, new VoiceListKey(false, 0, nearTheEnd.SaidOnUtc, nearTheEnd.CreatedAtUtc, nearTheEnd.Id));
    }

    private sealed record Seeded(SignedIn Staff, Guid Theme, Guid LargeTheme, VoiceListKey NearTheEnd);
}
