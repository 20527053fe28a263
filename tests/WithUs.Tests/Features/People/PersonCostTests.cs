using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.People;

/// <summary>
/// A person's page and a theme's page list only their own contributions: each must cost what it shows, not what the
/// organisation holds (issue 9). The same five contributions, in an organisation of 20 and of 400; the list's date
/// index (OrganisationId, SaidOnUtc, ...) must not tempt SQLite into walking the whole organisation in date order.
/// </summary>
public sealed class PersonCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const int Shown = 5;

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task APersonsPage_CostsTheSame_InALargerOrganisation()
    {
        var small = await SeedAsync(20);
        var large = await SeedAsync(400);

        var smallCost = await CostAsync(small.Staff, $"/o/{small.Staff.Organisation.Slug}/people/{small.Person}");
        var largeCost = await CostAsync(large.Staff, $"/o/{large.Staff.Organisation.Slug}/people/{large.Person}");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 in the organisation: {smallCost}\n400 in the organisation: {largeCost}");
    }

    [DatabaseFact]
    public async Task AThemesPage_CostsTheSame_InALargerOrganisation()
    {
        var small = await SeedAsync(20);
        var large = await SeedAsync(400);

        var smallCost = await CostAsync(small.Staff, $"/o/{small.Staff.Organisation.Slug}/themes/{small.Theme}");
        var largeCost = await CostAsync(large.Staff, $"/o/{large.Staff.Organisation.Slug}/themes/{large.Theme}");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 in the organisation: {smallCost}\n400 in the organisation: {largeCost}");
    }

    private Task<ReadCost> CostAsync(SignedIn staff, string path) => app.OfPageAsync(staff, path);

    /// <summary>The person said the first five, which are also the theme's five; everything else was said by others.</summary>
    private async Task<(SignedIn Staff, Guid Person, Guid Theme)> SeedAsync(int size)
    {
        var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var others = await app.CreatePersonAsync(staff.Organisation);
        var theme = await app.CreateThemeAsync(staff.Organisation);
        var other = await app.CreateThemeAsync(staff.Organisation);
        var made = await app.CreateContributionsAsync(staff.Organisation, size, i => $"Somewhere warm to meet on Sundays, number {i}",
            (i, c) => c.PersonId = i < Shown ? person.Id : i % 2 == 0 ? others.Id : null);
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            for (var i = 0; i < size; i++)
            {
                db.ContributionThemes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = made[i].Id, ThemeId = i < Shown ? theme.Id : other.Id });
            }

            await db.SaveChangesAsync();
        });
        return (staff, person.Id, theme.Id);
    }
}
