namespace WithUs.Tests.Features.Voice;

/// <summary>The list of what people said must not query once per row.</summary>
public sealed class VoiceListQueryCountTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private async Task<int> QueriesToShowAsync(int contributions)
    {
        using var staff = await app.SignedInAsync();
        await app.CreateThemeAsync(staff.Organisation);
        Contribution? idea = null;
        for (var i = 0; i < contributions; i++)
        {
            var person = i % 2 == 0 ? await app.CreatePersonAsync(staff.Organisation) : null;
            var linkTo = idea?.Id;
            var added = await app.CreateContributionAsync(staff.Organisation, $"Idea number {i}", c =>
            {
                c.PersonId = person?.Id;
                c.LinkedToId = i % 3 == 0 ? linkTo : null;
            });
            idea ??= added;
        }

        // Two words, one a plural, in another order than said: the search by words, ranked.
        var url = $"{staff.Voice}?theme=&q=numbers+idea";
        (await staff.Client.GetPageAsync(url)).Dispose();
        app.Queries.Reset();
        var page = await staff.Client.GetPageAsync(url);
        var queries = app.Queries.Count;
        page.QuerySelectorAll("main .withus-voice-list__item").Length.ShouldBe(Math.Min(contributions, Web.Features.Voice.IndexModel.PageSize));

        return queries;
    }

    [DatabaseFact]
    public async Task VoiceList_QueryCount_DoesNotGrowWithRows()
    {
        var withThree = await QueriesToShowAsync(3);
        var withThirty = await QueriesToShowAsync(30);

        withThree.ShouldBeGreaterThan(0);
        withThirty.ShouldBe(withThree);
    }
}
