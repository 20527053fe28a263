using WithUs.Web.Features.Voice.SameIdea;
using static WithUs.Tests.Features.Voice.SameIdea.SameIdeaSteps;

namespace WithUs.Tests.Features.Voice.SameIdea;

/// <summary>
/// Finding the pairs off the request: new ideas are compared with the organisation's others by the background job
/// (by words with the model off, by words and meaning once they have vectors with it on), and each pair is stored
/// once, whoever stores it, and never again once dismissed.
/// </summary>
public sealed class SameIdeaJobTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private static readonly Dictionary<string, string?> WithOffers = new() { ["Similarity:SameIdeaOffers"] = "true" };

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Job_ByWords_OffersAnIdeaSaidAgainInMuchTheSameWords_AndNotAnUnrelatedOne()
    {
        using var app = this.app.Fresh(WithOffers);
        var organisation = await app.CreateOrganisationAsync();
        var saturdays = await app.CreateContributionAsync(organisation, "Could the drop-in open on Saturday mornings?");
        await app.CreateContributionAsync(organisation, "Hot dinners at the lunch club would be lovely");
        await app.CreateContributionAsync(organisation, "A quiet room for people who find the hall too loud");
        var again = await app.CreateContributionAsync(organisation, "Open the drop-in on Saturday mornings please");

        await CompareAllAsync(app);

        var offer = (await OffersAsync(app, organisation)).ShouldHaveSingleItem();
        (offer.FirstId, offer.SecondId).ShouldBe(SameIdeaOffer.Pair(saturdays.Id, again.Id));
        offer.Decision.ShouldBe(SameIdeaDecision.Offered);
        offer.Score.ShouldBeGreaterThanOrEqualTo(SameIdeaFinder.WordsOnly);
    }

    [DatabaseFact]
    public async Task Job_WithTheModel_WaitsForVectors_ThenOffersAnIdeaSaidInOtherWords()
    {
        using var withModel = app.Fresh(new Dictionary<string, string?>(WithOffers) { ["Similarity:Embeddings"] = "true" });
        var organisation = await withModel.CreateOrganisationAsync();
        var dinners = await withModel.CreateContributionAsync(organisation, "Hot dinners at the lunch club would be lovely");
        await withModel.CreateContributionAsync(organisation, "Please open later in the evenings for people who work");
        var meal = await withModel.CreateContributionAsync(organisation, "Could the lunch club do a hot meal instead of sandwiches?");

        await EmbeddingJobTests.EmbedAllAsync(withModel);
        await CompareAllAsync(withModel);

        var offer = (await OffersAsync(withModel, organisation)).ShouldHaveSingleItem();
        (offer.FirstId, offer.SecondId).ShouldBe(SameIdeaOffer.Pair(dinners.Id, meal.Id));
        offer.Score.ShouldBeGreaterThanOrEqualTo(SameIdeaFinder.WithMeaning);
    }

    [DatabaseFact]
    public async Task WithOffersTurnedOff_NothingIsQueued_AndTheJobsPageSaysSo()
    {
        var organisation = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(organisation, "Could the drop-in open on Saturday mornings?");
        await app.CreateContributionAsync(organisation, "Open the drop-in on Saturday mornings please");

        await CompareAllAsync(app);

        (await OffersAsync(app, organisation)).ShouldBeEmpty();
        (await app.InScopeAsync(services => services.GetRequiredService<SameIdeaJob>().DescribeAsync(CancellationToken.None)))
            .ShouldStartWith("Turned off");
    }

    [DatabaseFact]
    public async Task Record_ManyFindersAtOnce_StoreThePairOnce()
    {
        var organisation = await app.CreateOrganisationAsync();
        var a = await app.CreateContributionAsync(organisation, "A bench by the bus stop");
        var b = await app.CreateContributionAsync(organisation, "Somewhere to sit while waiting for the bus");

        // Each as its own scope, as two job runs on two nodes would be; both orders of the pair.
        var stored = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => app.InScopeAsync(async services =>
        {
            services.GetRequiredService<TenantContext>().Set(organisation.ToEntity(), null);
            var finder = services.GetRequiredService<SameIdeaFinder>();
            return i % 2 == 0
                ? await finder.RecordAsync(a.Id, b.Id, 2.0, CancellationToken.None)
                : await finder.RecordAsync(b.Id, a.Id, 2.0, CancellationToken.None);
        })));

        stored.Count(s => s).ShouldBe(1, "one finder stored it; the others found it there or were refused by the unique index");
        var offer = (await OffersAsync(app, organisation)).ShouldHaveSingleItem();
        (offer.FirstId, offer.SecondId).ShouldBe(SameIdeaOffer.Pair(a.Id, b.Id));
    }

    [DatabaseFact]
    public async Task APairDismissed_IsNeverOfferedAgain()
    {
        using var app = this.app.Fresh(WithOffers);
        var organisation = await app.CreateOrganisationAsync();
        var saturdays = await app.CreateContributionAsync(organisation, "Could the drop-in open on Saturday mornings?");
        var again = await app.CreateContributionAsync(organisation, "Open the drop-in on Saturday mornings please");
        await CompareAllAsync(app);
        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Set<SameIdeaOffer>().SingleAsync()).Decision = SameIdeaDecision.NotTheSame;
            await db.SaveChangesAsync();
        });

        await app.InOrganisationAsync(organisation, async db =>
        {
            (await db.Contributions.SingleAsync(c => c.Id == again.Id)).Text = "Open the drop-in on Saturday mornings, please!";
            await db.SaveChangesAsync();
        });
        await CompareAllAsync(app);

        var offer = (await OffersAsync(app, organisation)).ShouldHaveSingleItem();
        offer.Decision.ShouldBe(SameIdeaDecision.NotTheSame);
        (offer.FirstId, offer.SecondId).ShouldBe(SameIdeaOffer.Pair(saturdays.Id, again.Id));
    }
}
