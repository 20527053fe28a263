using AngleSharp.Html.Dom;
using WithUs.Web.Features.People;
using static WithUs.Tests.Features.Voice.Outcomes.OutcomeSteps;

namespace WithUs.Tests.Features.Voice.Outcomes;

/// <summary>Voice/Outcomes/Owed: outcomes people have not been told yet, and ideas still waiting for one.</summary>
public sealed class OwedTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Owed_ListsUntoldOutcomes_ToldClearsThem_AndChangingTheOutcomeAddsThemBack()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Owed Olive", mayContact: true, contactBy: ContactMethod.Phone, phone: "07700 900123");
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "Owed idea about allotments", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1), person);
        await app.CreateContributionAsync(staff.Organisation, "Anonymous idea with an outcome", c =>
        {
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeAtUtc = DateTime.UtcNow;
        });
        var owedUrl = $"{staff.Org}/voice/owed";

        var before = await staff.Client.GetPageAsync(owedUrl);
        before.QuerySelector("main h2")!.TextContent.ShouldBe("Has an outcome, not told (1)");
        var firstSection = before.QuerySelectorAll("main table")[0];
        firstSection.TextContent.ShouldContain("Owed Olive");
        firstSection.TextContent.ShouldNotContain("Anonymous idea with an outcome");
        var anonymous = before.QuerySelector("#anonymous-voices")!;
        anonymous.TextContent.Trim().ShouldBe("1 person with an outcome gave no name, so they cannot be told it individually: "
            + "publishing the outcome on the public \"You said, we did\" page is how they hear, and you can do that where you record the outcome.");
        before.QuerySelector("#not-published")!.TextContent.ShouldContain("Anonymous idea with an outcome");
        firstSection.QuerySelector($"a[href='{staff.Org}/voice/{idea.Id}/told']").ShouldNotBeNull();

        (await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/told", new() { ["Input.How"] = "Phone" })).Dispose();
        var after = await staff.Client.GetPageAsync(owedUrl);
        after.QuerySelector("main")!.TextContent.ShouldNotContain("Owed Olive");

        (await staff.PostPageAsync($"{staff.Org}/voice/{idea.Id}/outcome", new()
        {
            ["Input.Status"] = "Done",
            ["Input.Explanation"] = "The allotments are open.",
        })).Dispose();
        var changed = await staff.Client.GetPageAsync(owedUrl);
        changed.QuerySelector("main")!.TextContent.ShouldContain("Owed Olive");
        changed.QuerySelector("main")!.TextContent.ShouldContain("The outcome changed after they were told");
    }

    [DatabaseFact]
    public async Task Owed_ListsIdeasWithNoOutcomeOlderThanTheResponseWindow()
    {
        using var staff = await app.SignedInAsync();
        var old = await app.CreateContributionAsync(staff.Organisation, "Old idea waiting for an answer",
            c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-29));
        await app.CreateContributionAsync(staff.Organisation, "Recent idea still in time",
            c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-27));

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");

        var text = page.QuerySelector("main")!.TextContent;
        text.ShouldContain("No outcome after 28 days (1)");
        text.ShouldContain("Old idea waiting for an answer");
        text.ShouldNotContain("Recent idea still in time");
        page.QuerySelector($"a[href='{staff.Org}/voice/{old.Id}/outcome']").ShouldNotBeNull();
    }

    [DatabaseFact]
    public async Task OwedPage_QueryCount_DoesNotGrowWithRows()
    {
        async Task<int> QueriesAsync(int rows)
        {
            using var staff = await app.SignedInAsync();
            for (var i = 0; i < rows; i++)
            {
                await app.CreateOwedIdeaAsync(staff.Organisation, $"Idea number {i}", OutcomeStatus.Done, DateTime.UtcNow);
                await app.CreateContributionAsync(staff.Organisation, $"Old idea {i}", c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-60));
            }

            var url = $"{staff.Org}/voice/owed";
            (await staff.Client.GetPageAsync(url)).Dispose();
            app.Queries.Reset();
            var page = await staff.Client.GetPageAsync(url);
            page.QuerySelectorAll("main tbody tr").Length.ShouldBe(rows * 2);
            return app.Queries.Count;
        }

        var few = await QueriesAsync(2);
        var many = await QueriesAsync(12);

        many.ShouldBe(few);
    }

    [DatabaseFact]
    public async Task OwedPage_ForAPartner_IsRefused()
    {
        using var partner = await app.SignedInAsync(OrganisationRole.Partner);

        using var response = await partner.Client.GetAsync(new Uri($"{partner.Org}/voice/owed", UriKind.Relative));

        response.ShouldBeRefused();
    }

    [DatabaseFact]
    public async Task Owed_ListsTheUnpublishedOutcomesAnonymousVoicesWaitFor_EachLinkedToItsOutcomePage()
    {
        using var staff = await app.SignedInAsync();
        var named = await app.CreateOwedIdeaAsync(staff.Organisation, "Later opening on Fridays", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-2));
        await AnonymousVoicesAsync(app, staff.Organisation, named.Id, "Me too", "");
        await AnonymousAndDoneAsync(app, staff.Organisation, "A ramp at the side door", c =>
        {
            c.IsPublished = true;
            c.PublicSummary = "A ramp";
        });
        var undecided = await app.CreateContributionAsync(staff.Organisation, "A new idea");
        await app.CreateContributionAsync(staff.Organisation, "Still deciding", c => c.LinkedToId = undecided.Id);

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");

        page.QuerySelector("#anonymous-voices")!.TextContent.ShouldStartWith("3 people with an outcome gave no name, so they cannot be told it individually:");
        var links = page.QuerySelectorAll("#not-published a").ToList();
        links.Select(a => a.GetAttribute("href")).ShouldBe([$"{staff.Org}/voice/{named.Id}/outcome"], "the ramp is published already, and the new idea has no outcome");
        links[0].TextContent.ShouldContain("Later opening on Fridays");
    }

    [DatabaseFact]
    public async Task Owed_ShowsEachPersonsOwnWords_AndListsThoseWhoAskedNotToBeContactedApart()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A later closing time for the drop-in", OutcomeStatus.Planned, DateTime.UtcNow.AddDays(-1));
        var agreed = await app.CreatePersonAsync(staff.Organisation, name: "Agreed Amir", mayContact: true, contactBy: ContactMethod.InPerson);
        var refused = await app.CreatePersonAsync(staff.Organisation, name: "Private Priya");
        await app.CreateContributionAsync(staff.Organisation, "Evenings suit me because of work", c => { c.LinkedToId = idea.Id; c.PersonId = agreed.Id; });
        await app.CreateContributionAsync(staff.Organisation, "Please, after six", c => { c.LinkedToId = idea.Id; c.PersonId = refused.Id; });
        await app.CreateContributionAsync(staff.Organisation, "", c => { c.LinkedToId = idea.Id; c.PersonId = (Guid?)null; });

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");

        var headings = page.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        headings.ShouldContain("Has an outcome, not told (2)");
        headings.ShouldContain("No way to tell (1)");
        var owed = page.QuerySelectorAll("main table")[0];
        var amir = owed.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Agreed Amir", StringComparison.Ordinal));
        amir.TextContent.ShouldContain("Evenings suit me because of work", Case.Sensitive, "each person's own words, not only the idea's");
        amir.TextContent.ShouldContain("Added their voice to: A later closing time for the drop-in");
        owed.TextContent.ShouldNotContain("Private Priya");
        var noWay = page.QuerySelectorAll("main table")[1];
        noWay.TextContent.ShouldContain("Private Priya");
        noWay.TextContent.ShouldContain("Please, after six");
        page.QuerySelector("main")!.TextContent.ShouldContain("asked not to be contacted");

        // The count on the organisation's home is who we owe: not the person who asked not to be contacted.
        var home = await staff.Client.GetPageAsync(staff.Org);
        home.QuerySelector($"main a[href='{staff.Org}/voice/owed']")!.TextContent.ShouldBe("Owed a reply: 2");
    }

    [DatabaseFact]
    public async Task EachPart_ListsItsLongestWaiting_AndItsOwnPagePagesThroughEveryone()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, name: "Patient Pat", mayContact: true, contactBy: ContactMethod.InPerson);
        var decided = DateTime.UtcNow.AddDays(-30);
        var owed = await app.CreateContributionsAsync(staff.Organisation, 130, i => $"Waiting idea {i:000}", (i, c) =>
        {
            c.PersonId = person.Id;
            (c.Outcome, c.OutcomeAtUtc) = (OutcomeStatus.Planned, decided.AddMinutes(i / 2));
        });
        // Two decided in each minute: ties the order breaks by id, however the database sorts ids.
        var decidedAt = owed.ToDictionary(c => c.Id, c => c.OutcomeAtUtc!.Value);

        var overview = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed");
        overview.QuerySelector("#not-told h2")!.TextContent.ShouldBe("Has an outcome, not told (130)");
        Shown(overview).Count.ShouldBe(25);
        var seeAll = overview.QuerySelector("#not-told a[href$='/voice/owed/not-told']")!;
        seeAll.TextContent.ShouldBe("See everyone waiting to be told");

        var first = await staff.Client.GetPageAsync(seeAll.GetAttribute("href")!);
        first.QuerySelector("h1")!.TextContent.ShouldBe("Has an outcome, not told (130)");
        first.QuerySelector("a[rel=prev]").ShouldBeNull();
        var second = await staff.Client.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        second.QuerySelector("a[rel=next]").ShouldBeNull();
        var inOrder = Shown(first).Concat(Shown(second)).ToList();
        inOrder.Order().ShouldBe(owed.Select(c => c.Id).Order(), "everyone once across the pages");
        inOrder.Select(id => decidedAt[id]).ShouldBeInOrder(SortDirection.Ascending, "the longest waiting first");
        Shown(overview).ShouldBe(inOrder.Take(25).ToList(), "the overview lists the 25 waiting longest");

        var back = await staff.Client.GetPageAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Shown(back).ShouldBe(Shown(first));

        // Told since the link was made: the page after them still follows on.
        (await staff.PostPageAsync($"{staff.Org}/voice/{inOrder[99]}/told", new() { ["Input.How"] = "InPerson" })).Dispose();
        var after = await staff.Client.GetPageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Shown(after).ShouldBe(inOrder.Skip(100).ToList());

        static List<Guid> Shown(IHtmlDocument page) => page.QuerySelectorAll("tbody a[href$='/told']")
            .Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^2])).ToList();
    }

    [DatabaseFact]
    public async Task APartThatIsNotThere_IsNotFound_AndAMadeUpKeyShowsTheFirstPage()
    {
        using var staff = await app.SignedInAsync();
        await app.CreateOwedIdeaAsync(staff.Organisation, "Idea nobody has been told about", OutcomeStatus.Done, DateTime.UtcNow.AddDays(-3),
            await app.CreatePersonAsync(staff.Organisation, name: "Told Nobody", mayContact: true, contactBy: ContactMethod.InPerson));

        using var missing = await staff.Client.GetAsync(new Uri($"{staff.Org}/voice/owed/everyone", UriKind.Relative));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        foreach (var part in new[] { "not-told", "no-way-to-tell", "no-outcome", "not-published" })
        {
            var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed/{part}?after=bm90LWEta2V5&before=%00");
            page.QuerySelector("h1").ShouldNotBeNull(part);
        }

        var notTold = await staff.Client.GetPageAsync($"{staff.Org}/voice/owed/not-told?after=bm90LWEta2V5");
        notTold.QuerySelector("main")!.TextContent.ShouldContain("Told Nobody");
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsOwedReplies_NeverShowHere()
    {
        using var staff = await app.SignedInAsync();
        using var elsewhere = await app.SignedInAsync();
        var theirs = await app.CreatePersonAsync(elsewhere.Organisation, name: "Elsewhere Eli", mayContact: true, contactBy: ContactMethod.InPerson);
        var quiet = await app.CreatePersonAsync(elsewhere.Organisation, name: "Elsewhere Quiet");
        await app.CreateOwedIdeaAsync(elsewhere.Organisation, "Their idea with an outcome", OutcomeStatus.Done, DateTime.UtcNow.AddDays(-2), theirs);
        await app.CreateOwedIdeaAsync(elsewhere.Organisation, "Their quiet idea with an outcome", OutcomeStatus.Done, DateTime.UtcNow.AddDays(-2), quiet);
        await app.CreateContributionAsync(elsewhere.Organisation, "Their old idea", c => c.CreatedAtUtc = DateTime.UtcNow.AddDays(-90));
        await AnonymousAndDoneAsync(app, elsewhere.Organisation, "Their anonymous idea");

        foreach (var path in new[] { "", "/not-told", "/no-way-to-tell", "/no-outcome", "/not-published" })
        {
            var text = (await staff.Client.GetPageAsync($"{staff.Org}/voice/owed{path}")).QuerySelector("main")!.TextContent;
            text.ShouldNotContain("Elsewhere", Case.Sensitive, path);
            text.ShouldNotContain("Their", Case.Sensitive, path);
        }
    }
}
