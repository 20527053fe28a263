using WithUs.Tests.Harness;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Voice;

public abstract class SimilarContributionsTests(WithUsFactory app)
{
    private static Contribution Said(string text) => new()
    {
        Id = Guid.CreateVersion7(),
        Text = text,
        SaidOnUtc = DateTime.UtcNow.Date,
        CreatedAtUtc = DateTime.UtcNow,
    };

    private Task<IReadOnlyList<SimilarContribution>> FindAsync(TestOrganisation organisation, string text) =>
        app.InScopeAsync(async services =>
        {
            services.GetRequiredService<WithUs.Web.Infrastructure.Tenancy.TenantContext>()
                .Set(organisation.ToEntity(), WithUs.Web.Features.Members.OrganisationRole.Staff);
            return await services.GetRequiredService<SimilarContributions>().FindAsync(text);
        });

    [Fact]
    public async Task Find_MatchesPluralsTensesAndSpellings_AndSaysWhichWords()
    {
        var organisation = await app.CreateOrganisationAsync();
        var football = Said("Could we have a women's football session on Saturdays?");
        var other = Said("The heating in the hall is broken again");
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.Contributions.AddRange(football, other);
            await db.SaveChangesAsync();
        });

        var found = await FindAsync(organisation, "A footy sesion for women on saturday");

        found.ShouldNotBeEmpty();
        found[0].Id.ShouldBe(football.Id);
        found[0].MatchedWords.ShouldContain("football");
        found[0].MatchedWords.ShouldContain("Saturdays");
        found.ShouldNotContain(s => s.Id == other.Id);
    }

    [Fact]
    public async Task Find_NeverReturnsAnotherOrganisationsContributions()
    {
        var ours = await app.CreateOrganisationAsync();
        var theirs = await app.CreateOrganisationAsync();
        await app.InOrganisationAsync(theirs, async db =>
        {
            db.Contributions.Add(Said("Cooking classes for people living on their own"));
            await db.SaveChangesAsync();
        });

        var found = await FindAsync(ours, "cooking class for people on their own");

        found.ShouldBeEmpty();
    }

    [Fact]
    public async Task Find_CountsAMeTooTowardsTheIdea()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = Said("More evening opening so people who work can come");
        var meToo = Said("Open in the evenings please, I work days");
        meToo.LinkedToId = idea.Id;
        await app.InOrganisationAsync(organisation, async db =>
        {
            db.Contributions.AddRange(idea, meToo);
            await db.SaveChangesAsync();
        });

        var found = await FindAsync(organisation, "open in the evening for people at work");

        found.ShouldHaveSingleItem().Id.ShouldBe(idea.Id);
        found[0].Voices.ShouldBe(2);
    }

    public sealed class OnSqlite(SqliteWithUsFactory app) : SimilarContributionsTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : SimilarContributionsTests(app), IClassFixture<PostgresWithUsFactory>;
}
