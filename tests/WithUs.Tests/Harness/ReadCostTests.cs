namespace WithUs.Tests.Harness;

/// <summary>
/// The measure the per-page guards of issue 9 rest on: it must grow with the rows a query reads and stay flat for a
/// query that reads what it needs by index, on both databases; otherwise a guard built on it could not fail.
/// </summary>
public sealed class ReadCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task ACountOfTheOrganisation_GrowsWithItsRows_ALookupByIdDoesNot()
    {
        var small = await SeedAsync(10);
        var large = await SeedAsync(300);

        var countSmall = await CostAsync(small.Organisation, db => db.Contributions.CountAsync());
        var countLarge = await CostAsync(large.Organisation, db => db.Contributions.CountAsync());
        var lookupSmall = await CostAsync(small.Organisation, db => db.Contributions.Where(c => c.Id == small.Last).ToListAsync());
        var lookupLarge = await CostAsync(large.Organisation, db => db.Contributions.Where(c => c.Id == large.Last).ToListAsync());

        countSmall.Queries.Count.ShouldBe(1);
        countLarge.Total.ShouldBeGreaterThan(countSmall.Total * 10, $"small: {countSmall}\nlarge: {countLarge}");
        lookupLarge.Total.ShouldBeLessThanOrEqualTo(lookupSmall.Total + ReadCost.SqliteStep, $"small: {lookupSmall}\nlarge: {lookupLarge}");
    }

    private async Task<(TestOrganisation Organisation, Guid Last)> SeedAsync(int contributions)
    {
        var organisation = await app.CreateOrganisationAsync();
        var made = await app.CreateContributionsAsync(organisation, contributions, i => $"Something said, number {i}");
        return (organisation, made[^1].Id);
    }

    private Task<ReadCost> CostAsync<T>(TestOrganisation organisation, Func<WithUsDbContext, Task<T>> query) =>
        ReadCost.OfAsync(app, () => app.InOrganisationAsync(organisation, query));
}
