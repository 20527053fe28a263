using WithUs.Web.Features.Voice.SameIdea;

namespace WithUs.Tests.Features.Voice;

/// <summary>
/// A contribution's similarity-index rows and its place in the same-idea queue go when it goes, however it goes: through
/// EF, around it, or with its whole organisation. They follow it by a database trigger rather than a foreign key
/// (migration DerivedRowsFollowByTrigger: a key was checked once for each of the ~7 index rows of every row imported).
/// </summary>
public sealed class DerivedRowsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task IndexRowsAndQueuePlaces_GoWithTheirContribution_HoweverItIsDeleted()
    {
        var organisation = await app.CreateOrganisationAsync();
        var other = await app.CreateOrganisationAsync();
        var removed = await CreateIndexedAsync(organisation, "A warm room on Sunday afternoons");
        var deleted = await CreateIndexedAsync(organisation, "Bus passes for the volunteers");
        var kept = await CreateIndexedAsync(organisation, "A quiet corner for reading the paper");
        var elsewhere = await CreateIndexedAsync(other, "Tea and toast before the clinic opens");
        (await DerivedAsync(removed)).ShouldBe((true, 1));

        await app.InOrganisationAsync(organisation, async db =>
        {
            db.Contributions.Remove(await db.Contributions.SingleAsync(c => c.Id == removed));
            await db.SaveChangesAsync();
        });
        (await DerivedAsync(removed)).ShouldBe((false, 0), "after a delete through EF");
        (await DerivedAsync(kept)).ShouldBe((true, 1));

        await app.InOrganisationAsync(organisation, db => db.Contributions.Where(c => c.Id == deleted).ExecuteDeleteAsync());
        (await DerivedAsync(deleted)).ShouldBe((false, 0), "after a delete around EF");
        (await DerivedAsync(kept)).ShouldBe((true, 1));

        await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .Where(o => o.Id == organisation.Id).ExecuteDeleteAsync());
        (await DerivedAsync(kept)).ShouldBe((false, 0), "after its organisation was deleted");
        (await DerivedAsync(elsewhere)).ShouldBe((true, 1), "another organisation's rows stay");
    }

    private async Task<Guid> CreateIndexedAsync(TestOrganisation organisation, string text)
    {
        var contribution = await app.CreateContributionAsync(organisation, text);
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.Set<SameIdeaWaiting>().Add(new SameIdeaWaiting
            {
                Id = Guid.CreateVersion7(),
                OrganisationId = organisation.Id,
                ContributionId = contribution.Id,
            });
            await db.SaveChangesAsync();
        });
        return contribution.Id;
    }

    /// <summary>Whether the contribution has index rows, and how many places in the queue, in any organisation.</summary>
    private Task<(bool Indexed, int Waiting)> DerivedAsync(Guid contribution) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var indexed = await db.ContributionTerms.IgnoreQueryFilters().AnyAsync(t => t.ContributionId == contribution);
            var waiting = await db.Set<SameIdeaWaiting>().IgnoreQueryFilters().CountAsync(w => w.ContributionId == contribution);
            return (indexed, waiting);
        });
}
