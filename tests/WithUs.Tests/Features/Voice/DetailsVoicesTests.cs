namespace WithUs.Tests.Features.Voice;

/// <summary>
/// An idea's page lists the newest <see cref="DetailsModel.VoicesShown"/> voices added to it, newest first, and all of
/// them on request: at a region's size an idea gathers hundreds (issue 9).
/// </summary>
public sealed class DetailsVoicesTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private const int MeToos = DetailsModel.VoicesShown + 5;

    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task AnIdeaWithManyVoices_ShowsTheNewestFirst_AndAllOnRequest_AndStillOffersToRecordTheyWereTold()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Maria Kowalska");
        var idea = await app.CreateContributionAsync(staff.Organisation, "A bench by the bus stop", c => c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-100));
        // The oldest voice is the only one with a name: it falls outside the newest, yet someone is still owed the outcome.
        await app.CreateContributionsAsync(staff.Organisation, MeToos, i => $"Me too, number {i}", (i, c) =>
        {
            c.LinkedToId = idea.Id;
            c.SaidOnUtc = DateTime.UtcNow.Date.AddDays(-90 + i);
            c.PersonId = i == 0 ? person.Id : null;
        });

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");

        var shown = page.QuerySelectorAll(".withus-voices li");
        shown.Length.ShouldBe(DetailsModel.VoicesShown);
        shown[0].TextContent.ShouldContain($"Me too, number {MeToos - 1}");
        shown[^1].TextContent.ShouldContain($"Me too, number {MeToos - DetailsModel.VoicesShown}");
        page.QuerySelector("main")!.TextContent.ShouldContain($"Showing the newest {DetailsModel.VoicesShown} of {MeToos} times someone added their voice.");
        var all = page.QuerySelector($"a[href='{staff.Org}/voice/{idea.Id}?voices=all#voices']");
        all.ShouldNotBeNull();
        all.TextContent.ShouldBe($"Show all {MeToos}");
        page.QuerySelector($"a[href='{staff.Org}/voice/{idea.Id}/told']").ShouldNotBeNull("the named voice is owed the outcome");

        var everyone = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}?voices=all");
        var listed = everyone.QuerySelectorAll(".withus-voices li");
        listed.Length.ShouldBe(MeToos);
        listed[^1].TextContent.ShouldContain("Maria Kowalska");
        everyone.QuerySelector("main")!.TextContent.ShouldNotContain("Show all");
    }

    [DatabaseFact]
    public async Task Voices_CountEachPersonOnce_TheIdeasOwnIncluded_AndEachAnonymousOne_OnTheIdeaAndOnEachMeToo()
    {
        using var staff = await app.SignedInAsync();
        var ana = await app.CreatePersonAsync(staff.Organisation, "Ana Count");
        var ben = await app.CreatePersonAsync(staff.Organisation, "Ben Count");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Tea and toast before the clinic", c => c.PersonId = ana.Id);
        // Ana again, Ben twice, two people without a name: Ana, Ben and the two.
        var meToos = await app.CreateContributionsAsync(staff.Organisation, 5, i => $"Me too, from voice {i}", (i, c) =>
        {
            c.LinkedToId = idea.Id;
            c.PersonId = i switch { 0 => ana.Id, 1 or 2 => ben.Id, _ => null };
        });

        foreach (var id in new[] { idea.Id, meToos[1].Id, meToos[4].Id })
        {
            var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/{id}");
            page.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Voices (4)", id.ToString());
        }

        // Said without a name, the idea is a voice of its own.
        var anonymous = await app.CreateContributionAsync(staff.Organisation, "A ramp at the side door");
        await app.CreateContributionsAsync(staff.Organisation, 2, i => "", (i, c) => (c.LinkedToId, c.PersonId) = (anonymous.Id, ana.Id));
        var second = await staff.Client.GetPageAsync($"{staff.Org}/voice/{anonymous.Id}");
        second.QuerySelectorAll("main h2").Select(h => h.TextContent).ShouldContain("Voices (2)");
    }
}
