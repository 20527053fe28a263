using WithUs.Web.Features.People;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>
/// "Owed a reply" and the owed count on the staff home page must cost what they show, not how much the organisation
/// has heard and answered over the years (issue 9). Two organisations owe exactly the same replies; one has 20 rows of
/// history (answered and told, "me too"s told, ideas still inside the response window), the other 1,000.
/// </summary>
public sealed class OwedCostTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task TheOwedPage_CostsTheSame_InALargerOrganisation()
    {
        var small = await SeedAsync(20);
        var large = await SeedAsync(1000);

        var smallCost = await app.OfPageAsync(small, $"{small.Org}/voice/owed");
        var largeCost = await app.OfPageAsync(large, $"{large.Org}/voice/owed");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 rows of history: {smallCost}\n1,000 rows of history: {largeCost}");
    }

    [DatabaseFact]
    public async Task TheHomePagesOwedCount_CostsTheSame_InALargerOrganisation()
    {
        var small = await SeedAsync(20);
        var large = await SeedAsync(1000);

        var smallCost = await app.OfPageAsync(small, small.Org);
        var largeCost = await app.OfPageAsync(large, large.Org);

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"20 rows of history: {smallCost}\n1,000 rows of history: {largeCost}");
    }

    [DatabaseFact]
    public async Task NoWayToTell_CostsTheSame_HoweverManyElseWaitToBeTold()
    {
        // Both show the same page: more than 1,000 waiting to be told (the first 25 of them) and one person who asked not
        // to be contacted. Counting that one person must not walk everyone who can be told.
        var small = await UntoldAsync(1_050);
        var large = await UntoldAsync(3_150);

        var smallCost = await app.OfPageAsync(small, $"{small.Org}/voice/owed");
        var largeCost = await app.OfPageAsync(large, $"{large.Org}/voice/owed");

        largeCost.Total.ShouldBeLessThanOrEqualTo(smallCost.Total * 3 / 2 + 10 * ReadCost.SqliteStep,
            $"1,050 waiting to be told: {smallCost}\n3,150: {largeCost}");
    }

    /// <summary><paramref name="told"/> ideas with an outcome for someone who can be told, then one for someone who cannot.</summary>
    private async Task<SignedIn> UntoldAsync(int told)
    {
        var staff = await app.SignedInAsync();
        var reachable = await app.CreatePersonAsync(staff.Organisation, mayContact: true, contactBy: ContactMethod.Email, email: "many@example.org");
        var unreachable = await app.CreatePersonAsync(staff.Organisation, name: "Unreachable Una");
        var decided = DateTime.UtcNow.AddDays(-10);
        await app.CreateContributionsAsync(staff.Organisation, told + 1, i => $"Decided idea {i} about the garden", (i, c) =>
        {
            c.PersonId = i < told ? reachable.Id : unreachable.Id;
            (c.Outcome, c.OutcomeAtUtc) = (OutcomeStatus.Planned, decided.AddMinutes(i));
        });
        return staff;
    }

    /// <summary>
    /// What is owed, the same in every organisation: three ideas and two "me too"s from someone who may be told, one
    /// idea from someone who asked not to be contacted, one anonymous idea not published, three ideas with no outcome
    /// after the response window. Then <paramref name="history"/> rows said long ago that owe nothing.
    /// </summary>
    private async Task<SignedIn> SeedAsync(int history)
    {
        var staff = await app.SignedInAsync();
        var organisation = staff.Organisation;
        var owed = await app.CreatePersonAsync(organisation, mayContact: true, contactBy: ContactMethod.Email, email: "owed@example.org");
        var unreachable = await app.CreatePersonAsync(organisation);
        var answered = await app.CreatePersonAsync(organisation, mayContact: true, contactBy: ContactMethod.Email, email: "told@example.org");
        var now = DateTime.UtcNow;

        var ideas = await app.CreateContributionsAsync(organisation, 9, i => $"Owed idea {i} about a warm room on Sundays", (i, c) =>
        {
            (c.PersonId, c.Outcome, c.OutcomeAtUtc, c.CreatedAtUtc) = i switch
            {
                < 3 => ((Guid?)owed.Id, OutcomeStatus.Planned, (DateTime?)now.AddDays(-i - 1), now.AddDays(-40)),
                3 => (unreachable.Id, OutcomeStatus.Done, now.AddDays(-2), now.AddDays(-40)),
                4 => ((Guid?)null, OutcomeStatus.Done, now.AddDays(-3), now.AddDays(-40)),
                5 => (answered.Id, OutcomeStatus.Done, now.AddDays(-3), now.AddDays(-40)),
                _ => (answered.Id, OutcomeStatus.New, (DateTime?)null, now.AddDays(-60 - i)),
            };
        });
        await app.CreateContributionsAsync(organisation, 2, i => "", (i, c) =>
        {
            c.PersonId = owed.Id;
            c.LinkedToId = ideas[5].Id;
        });

        // History: ideas answered and told, each with a "me too" told too, and ideas still inside the response window.
        var old = now.AddYears(-1);
        var said = await app.CreateContributionsAsync(organisation, history / 2, i => $"Long ago, something about the bus {i}", (i, c) =>
        {
            c.PersonId = answered.Id;
            c.SaidOnUtc = old.Date.AddDays(-(i % 400));
            if (i % 2 == 0)
            {
                (c.Outcome, c.OutcomeAtUtc, c.CreatedAtUtc) = (OutcomeStatus.Done, old, old);
                (c.ToldAtUtc, c.ToldOutcome, c.ToldHow) = (old, OutcomeStatus.Done, TellingMethod.Email);
            }
        });
        await app.CreateContributionsAsync(organisation, history / 2, i => "", (i, c) =>
        {
            c.PersonId = answered.Id;
            c.SaidOnUtc = old.Date.AddDays(-(i % 400));
            c.LinkedToId = said[i].Id;
            if (i % 2 == 0)
            {
                (c.ToldAtUtc, c.ToldOutcome, c.ToldHow) = (old, OutcomeStatus.Done, TellingMethod.Email);
            }
        });
        return staff;
    }
}
