using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Voice.Similarity;

/// <summary>
/// The lexical scorer's counts (contributions, and contributions per term) are kept for a while instead of counted on
/// every keystroke: they must be fresh after this process's own saves, picked up from another node within
/// <see cref="TermStatistics.KeepFor"/>, never another organisation's, and a term nobody used yet is never kept as none.
/// </summary>
public sealed class TermStatisticsTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task KeptCounts_SendNoQuery_AreFreshAfterThisProcessesSaves_AndStayPerOrganisation()
    {
        var ours = await app.CreateOrganisationAsync();
        var theirs = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(ours, "Hot dinners at the lunch club");
        await app.CreateContributionAsync(theirs, "Hot dinners on Fridays");
        await app.CreateContributionAsync(theirs, "Hot showers");
        var statistics = app.Services.GetRequiredService<TermStatistics>();

        (await CountsAsync(ours, statistics, "hot", "dinner")).ShouldBe((1, 1, 1));
        app.Queries.Reset();
        (await CountsAsync(ours, statistics, "hot", "dinner")).ShouldBe((1, 1, 1));
        app.Queries.Count.ShouldBe(0, "kept counts are not counted again");
        (await CountsAsync(theirs, statistics, "hot", "dinner")).ShouldBe((2, 2, 1));

        await app.CreateContributionAsync(ours, "Hot soup please");
        (await CountsAsync(ours, statistics, "hot", "dinner")).ShouldBe((2, 2, 1), "this process's save forgets the kept counts");
    }

    [DatabaseFact]
    public async Task AnotherNodesSaves_AreCountedOnceTheCountsAreOld_AndAnUnusedTermIsLookedUpEveryTime()
    {
        var ours = await app.CreateOrganisationAsync();
        await app.CreateContributionAsync(ours, "Hot dinners at the lunch club");
        var clock = new ManualClock();
        // This node's memory, apart from the app's own: the app's saves do not reach it, as another node's would not.
        var statistics = new TermStatistics(clock);

        (await CountsAsync(ours, statistics, "hot", "soup")).ShouldBe((1, 1, 0));
        await app.CreateContributionAsync(ours, "Hot soup please");
        (await CountsAsync(ours, statistics, "hot", "soup")).ShouldBe((1, 1, 1), "a term nobody used is looked up every time, so its first use is found at once");

        clock.Advance(statistics.KeepFor);
        (await CountsAsync(ours, statistics, "hot", "soup")).ShouldBe((2, 2, 1));
    }

    private Task<(int Documents, int First, int Second)> CountsAsync(TestOrganisation organisation, TermStatistics statistics,
        string first, string second) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            string[] terms = [Term(first), Term(second)];
            var (documents, frequencies) = await statistics.ForAsync(db, terms, CancellationToken.None);
            return (documents, frequencies.GetValueOrDefault(terms[0]), frequencies.GetValueOrDefault(terms[1]));
        });

    private static string Term(string word) => TextAnalyser.Words(word).Single().Stem;
}
