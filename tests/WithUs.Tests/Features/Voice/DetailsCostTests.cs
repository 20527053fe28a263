using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// One contribution's page costs what it shows (its themes, voices, interest and same-idea offers), not what the
/// organisation holds (issue 9): the same idea, with the same of each, in an organisation of 20 and of 400.
/// </summary>
public sealed class DetailsCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AnIdeasPage_CostsTheSame_InALargerOrganisation()
    {
        var small = await SeedAsync(20);
        var large = await SeedAsync(400);

        var smallCost = await CostAsync(small);
        var largeCost = await CostAsync(large);

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 in the organisation: {smallCost}\n400 in the organisation: {largeCost}");
    }

    /// <summary>
    /// The page shows an idea's newest 50 "me too"s and how many there are: an idea with 400 costs what one with 60
    /// does (both more than are shown).
    /// </summary>
    [DatabaseFact]
    public async Task AnIdeasPage_CostsTheSame_HoweverManyVoicesItHas()
    {
        var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        async Task<Guid> IdeaWithAsync(int voices)
        {
            var idea = await app.CreateContributionAsync(staff.Organisation, $"Somewhere warm to meet on Sundays, said {voices + 1} times");
            await app.CreateContributionsAsync(staff.Organisation, voices, i => $"Me too, number {i}", (i, c) =>
            {
                c.LinkedToId = idea.Id;
                c.PersonId = i % 3 == 0 ? person.Id : null;
                c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-(i % 40));
            });
            return idea.Id;
        }

        var fewer = await CostAsync((staff, await IdeaWithAsync(60)));
        var many = await CostAsync((staff, await IdeaWithAsync(400)));

        many.Total.ShouldBeLessThanOrEqualTo(fewer.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"60 voices: {fewer}\n400 voices: {many}");
    }

    private Task<ReadCost> CostAsync((SignedIn Staff, Guid Idea) seeded) =>
        ReadCost.OfSecondLookAsync(app, seeded.Staff.Client, $"/o/{seeded.Staff.Organisation.Slug}/voice/{seeded.Idea}");

    /// <summary>
    /// Ideas every seventh with a "me too" three later, a third named, every other one in a theme, same-idea offers
    /// between neighbours; the idea the test opens (the first) has one "me too", a theme, an offer and one person
    /// interested, in either size.
    /// </summary>
    private async Task<(SignedIn Staff, Guid Idea)> SeedAsync(int size)
    {
        var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var theme = await app.CreateThemeAsync(staff.Organisation);
        var ids = new Guid[size];
        var made = await app.CreateContributionsAsync(staff.Organisation, size, i => $"Somewhere warm to meet on Sundays, number {i}", (i, c) =>
        {
            ids[i] = c.Id;
            c.PersonId = i % 3 == 0 ? person.Id : null;
            c.LinkedToId = i % 7 == 3 ? ids[i - 3] : null;
        });
        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            for (var i = 0; i < size; i += 2)
            {
                db.ContributionThemes.Add(new ContributionTheme { Id = Guid.CreateVersion7(), ContributionId = made[i].Id, ThemeId = theme.Id });
            }

            db.Interests.Add(new Interest { Id = Guid.CreateVersion7(), PersonId = person.Id, ContributionId = made[0].Id, Kind = InterestKind.WouldTakePart, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        for (var i = 0; i + 1 < size; i += 7)
        {
            await app.CreateSameIdeaOfferAsync(staff.Organisation, made[i].Id, made[i + 1].Id);
        }

        return (staff, made[0].Id);
    }
}
