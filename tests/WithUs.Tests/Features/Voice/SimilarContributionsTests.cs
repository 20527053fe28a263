using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Voice;

public sealed class SimilarContributionsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static Contribution Said(string text) => new()
    {
        Id = Guid.CreateVersion7(),
        Text = text,
        SaidOnUtc = DateTime.UtcNow.Date,
        CreatedAtUtc = DateTime.UtcNow,
    };

    private Task<IReadOnlyList<SimilarContribution>> FindAsync(TestOrganisation organisation, string? text) =>
        app.InScopeAsync(async services =>
        {
            services.GetRequiredService<WithUs.Web.Infrastructure.Tenancy.TenantContext>()
                .Set(organisation.ToEntity(), WithUs.Web.Infrastructure.Tenancy.OrganisationRole.Staff);
            return await services.GetRequiredService<SimilarContributions>().FindAsync(text);
        });

    [DatabaseFact]
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
        found[0].MatchedWords.ShouldContain("womens", "the possessive women's meets the plain women");
        found.ShouldNotContain(s => s.Id == other.Id);
    }

    [DatabaseTheory]
    [InlineData("women's", "woman")]
    [InlineData("womens", "woman")]
    [InlineData("children's", "child")]
    public void Stem_APossessiveOfAnIrregularPlural_MeetsItsSingular(string written, string stem) =>
        TextAnalyser.Words(written).ShouldHaveSingleItem().Stem.ShouldBe(stem);

    [DatabaseFact]
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

    [DatabaseFact]
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

    [DatabaseFact]
    public async Task Find_NothingToMatch_ReturnsNothingWithoutFailing()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(organisation, "Could we have a women's football session on Saturdays?");
        string?[] texts =
        [
            null, "", "   \t\r\n  ", "the and of it is was", "\0\u0001\u0002\u0007\u001b[31m\u007f",
            "!!!??? ... --- *** 12345 678", "\ud800\ud83d \udfff", "\u200b\u200c\u200d\u2060\ufeff", "\uFFFD\uFFFE\uFFFF",
        ];

        foreach (var text in texts)
        {
            (await FindAsync(organisation, text)).ShouldBeEmpty();
        }
    }

    [DatabaseFact]
    public async Task Find_MarkupIsJustWords_AndTheTextComesBackAsWritten()
    {
        var organisation = await app.CreateOrganisationAsync();
        var written = "<script>alert('football')</script> football on <b>Saturdays</b>";
        var stored = await app.CreateContributionAsync(organisation, written);

        var found = await FindAsync(organisation, "<script>document.cookie</script><img src=x onerror=alert(1)> football saturday");

        found.ShouldHaveSingleItem().Id.ShouldBe(stored.Id);
        found[0].Text.ShouldBe(written);
        // Words, never markup: "script" and "alert" are words here like any other, the brackets are not.
        found[0].MatchedWords.ShouldBe(["script", "alert", "football", "Saturdays"], ignoreOrder: true);
    }

    [DatabaseFact]
    public async Task Find_OddUnicode_IsFoldedOrIgnored()
    {
        var organisation = await app.CreateOrganisationAsync();
        var cafe = await app.CreateContributionAsync(organisation, "A cafe\u0301 corner with cheap tea 😀👍🏽 for everybody");
        var arabic = await app.CreateContributionAsync(organisation, "دروس اللغة الإنجليزية للنساء \u202Eesrever\u202C");

        // Accents by combining mark or precomposed, emoji and zero-width characters between words all meet.
        (await FindAsync(organisation, "CAFÉ\u200B corner 👨‍👩‍👧")).ShouldHaveSingleItem().Id.ShouldBe(cafe.Id);
        (await FindAsync(organisation, "cafe corner")).ShouldHaveSingleItem().MatchedWords.ShouldContain("cafe\u0301");
        // Other scripts are words too.
        (await FindAsync(organisation, "دروس اللغة")).ShouldHaveSingleItem().Id.ShouldBe(arabic.Id);
    }

    [DatabaseFact]
    public async Task Find_TheLongestTextAndEndlessTokens_AreIndexedAndFoundWithoutFailing()
    {
        var organisation = await app.CreateOrganisationAsync();
        var sentence = "The minibus home from the lunch club stopped running and my neighbour cannot walk that far. ";
        var longest = string.Concat(Enumerable.Repeat(sentence, 50))[..Contribution.TextMaxLength];
        var endless = new string('x', 3000) + " wheelchair " + string.Concat(Enumerable.Repeat("supercalifragilistic", 40));
        var big = await app.CreateContributionAsync(organisation, longest);
        var noise = await app.CreateContributionAsync(organisation, endless);

        (await FindAsync(organisation, "minibus home after lunch club")).ShouldContain(s => s.Id == big.Id);
        (await FindAsync(organisation, longest)).ShouldContain(s => s.Id == big.Id);
        (await FindAsync(organisation, endless)).ShouldContain(s => s.Id == noise.Id);
        (await FindAsync(organisation, "wheelchair")).ShouldHaveSingleItem().Id.ShouldBe(noise.Id);
        var terms = await app.InOrganisationAsync(organisation, db => db.ContributionTerms.Select(t => t.Term).ToListAsync());
        terms.ShouldAllBe(t => t.Length <= ContributionTerm.TermMaxLength);
    }

    [DatabaseFact]
    public async Task Find_AfterTheTextIsEdited_MatchesTheNewWordsAndNotTheOld()
    {
        var organisation = await app.CreateOrganisationAsync();
        var contribution = await app.CreateContributionAsync(organisation, "Football on Saturday mornings for the teenagers");
        (await FindAsync(organisation, "saturday football")).ShouldHaveSingleItem().Id.ShouldBe(contribution.Id);

        await app.InOrganisationAsync(organisation, async db =>
        {
            var stored = await db.Contributions.SingleAsync(c => c.Id == contribution.Id);
            stored.Text = "A knitting circle in the library";
            await db.SaveChangesAsync();
        });

        (await FindAsync(organisation, "saturday football")).ShouldBeEmpty();
        (await FindAsync(organisation, "knitting circle")).ShouldHaveSingleItem().Id.ShouldBe(contribution.Id);
        var terms = await app.InOrganisationAsync(organisation, db => db.ContributionTerms.Select(t => t.Term).ToListAsync());
        terms.ShouldNotContain("football");
    }

    [DatabaseFact]
    public async Task Find_LeavesOutTheContributionBeingEdited()
    {
        var organisation = await app.CreateOrganisationAsync();
        var first = await app.CreateContributionAsync(organisation, "Lockers to keep our belongings safe");
        var second = await app.CreateContributionAsync(organisation, "A locker for my belongings please");

        var found = await app.InScopeAsync(async services =>
        {
            services.GetRequiredService<WithUs.Web.Infrastructure.Tenancy.TenantContext>()
                .Set(organisation.ToEntity(), WithUs.Web.Infrastructure.Tenancy.OrganisationRole.Staff);
            return await services.GetRequiredService<SimilarContributions>().FindAsync(second.Text, excluding: second.Id);
        });

        found.ShouldHaveSingleItem().Id.ShouldBe(first.Id);
    }

    [DatabaseFact]
    public async Task Find_IsTheSameForBritishAndAmericanSpellingsAndCommonMisspellings()
    {
        var organisation = await app.CreateOrganisationAsync();
        var idea = await app.CreateContributionAsync(organisation, "Counselling at the neighbourhood centre, and a seperate room for it");

        foreach (var typed in new[] { "counseling neighborhood center", "counselling at the centre", "separate room" })
        {
            (await FindAsync(organisation, typed)).ShouldHaveSingleItem($"for \"{typed}\"").Id.ShouldBe(idea.Id);
        }
    }
}
