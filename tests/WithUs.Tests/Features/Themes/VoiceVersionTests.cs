using WithUs.Web.Features.Themes;

namespace WithUs.Tests.Features.Themes;

/// <summary>
/// An organisation's voice version (migration VoiceVersion) goes up with every change that "building up" counts or
/// shows, however it is written, and with nothing else: the counts kept in memory (BuildUpCounts) are as fresh as it is.
/// </summary>
public sealed class VoiceVersionTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private Task<long> VersionAsync(TestOrganisation organisation) =>
        app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .Where(o => o.Id == organisation.Id).Select(o => o.VoiceVersion).SingleAsync());

    /// <summary>Runs a change and says whether it moved the organisation's number.</summary>
    private async Task<bool> MovesAsync(TestOrganisation organisation, Func<WithUsDbContext, Task> change)
    {
        var before = await VersionAsync(organisation);
        await app.InOrganisationAsync(organisation, change);
        return await VersionAsync(organisation) > before;
    }

    private static async Task SaveAsync<T>(WithUsDbContext db, Guid id, Action<T> change)
        where T : class
    {
        var entity = await db.Set<T>().FindAsync(id) ?? throw new InvalidOperationException($"No {typeof(T).Name} {id}");
        change(entity);
        await db.SaveChangesAsync();
    }

    [DatabaseFact]
    public async Task EveryChangeThatBuildingUpCountsOrShows_MovesIt_HoweverItIsWritten()
    {
        var organisation = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(organisation);
        var idea = await app.CreateContributionAsync(organisation, "A warm room on Sunday afternoons");
        var theme = await app.CreateThemeAsync(organisation);
        var other = await app.CreateThemeAsync(organisation);
        var link = Guid.CreateVersion7();

        var before = await VersionAsync(organisation);
        var id = (await app.CreateContributionAsync(organisation, "Me too")).Id;
        (await VersionAsync(organisation)).ShouldBeGreaterThan(before, "a contribution added");
        (await MovesAsync(organisation, db => SaveAsync<Contribution>(db, id, c => c.Text = "Me too, on Sundays"))).ShouldBeTrue("its words");
        (await MovesAsync(organisation, db => SaveAsync<Contribution>(db, id, c => c.SaidOnUtc = c.SaidOnUtc.AddDays(-1)))).ShouldBeTrue("its day");
        (await MovesAsync(organisation, db => SaveAsync<Contribution>(db, id, c => c.LinkedToId = idea.Id))).ShouldBeTrue("its idea");
        (await MovesAsync(organisation, db => db.Contributions.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PersonId, person.Id)))).ShouldBeTrue("its person, written around EF");
        (await MovesAsync(organisation, async db =>
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = link, ContributionId = idea.Id, ThemeId = theme.Id });
            await db.SaveChangesAsync();
        })).ShouldBeTrue("a theme link added");
        (await MovesAsync(organisation, db => SaveAsync<ContributionTheme>(db, link, l => l.ThemeId = other.Id))).ShouldBeTrue("a link moved");
        (await MovesAsync(organisation, db => SaveAsync<Theme>(db, other.Id, t => t.Name = "Getting about"))).ShouldBeTrue("a theme renamed");
        (await MovesAsync(organisation, db => SaveAsync<Theme>(db, other.Id, t => t.IsArchived = true))).ShouldBeTrue("a theme archived");
        (await MovesAsync(organisation, db => db.ContributionThemes.Where(l => l.Id == link).ExecuteDeleteAsync())).ShouldBeTrue("a link removed");
        (await MovesAsync(organisation, db => db.Contributions.Where(c => c.Id == id).ExecuteDeleteAsync())).ShouldBeTrue("a contribution deleted");
    }

    [DatabaseFact]
    public async Task APersonDeleted_MovesIt_ThroughTheDatabasesOwnSettingOfTheirVoicesToAnonymous()
    {
        // Deleted around EF, so that only the foreign key's ON DELETE SET NULL changes their contributions: their
        // voices become anonymous ones, each counted once, which building up must see.
        var organisation = await app.CreateOrganisationAsync();
        var person = await app.CreatePersonAsync(organisation);
        await app.CreateContributionAsync(organisation, "Somewhere to charge a phone", c => c.PersonId = person.Id);

        (await MovesAsync(organisation, db => db.People.Where(p => p.Id == person.Id).ExecuteDeleteAsync())).ShouldBeTrue();
    }

    [DatabaseFact]
    public async Task ChangesItDoesNotCount_AndAnotherOrganisationsChanges_LeaveIt()
    {
        var organisation = await app.CreateOrganisationAsync();
        var elsewhere = await app.CreateOrganisationAsync();
        var idea = await app.CreateContributionAsync(organisation, "Bus passes for the volunteers");
        var theme = await app.CreateThemeAsync(organisation);

        (await MovesAsync(organisation, db => SaveAsync<Contribution>(db, idea.Id, c =>
        {
            c.Outcome = OutcomeStatus.Planned;
            c.OutcomeAtUtc = DateTime.UtcNow;
            c.ToldAtUtc = DateTime.UtcNow;
        }))).ShouldBeFalse("an outcome, and telling the person");
        (await MovesAsync(organisation, db => db.Contributions.Where(c => c.Id == idea.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TermCount, 7)))).ShouldBeFalse("its similarity index");
        (await MovesAsync(organisation, db => SaveAsync<Theme>(db, theme.Id, t => t.Description = "Buses, lifts, parking"))).ShouldBeFalse("a theme's description");

        var before = await VersionAsync(organisation);
        await app.CreateContributionAsync(elsewhere, "Somewhere else entirely");
        (await VersionAsync(organisation)).ShouldBe(before, "another organisation's contribution");
    }

    [DatabaseFact]
    public async Task SavingTheOrganisation_NeverWritesBackTheNumberItRead()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var tracked = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            await app.CreateContributionAsync(organisation, "Said while the settings page was open");
            var moved = await VersionAsync(organisation);
            moved.ShouldBeGreaterThan(tracked.VoiceVersion);

            tracked.BuildUpThreshold = 3;
            await db.SaveChangesAsync();

            (await VersionAsync(organisation)).ShouldBe(moved);
        });
    }
}
