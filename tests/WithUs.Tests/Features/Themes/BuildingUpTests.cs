namespace WithUs.Tests.Features.Themes;

/// <summary>"Building up" on the staff home: distinct voices within the window reaching the threshold (defaults 5 in 90 days).</summary>
public sealed class BuildingUpTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private DateTime Today => LocalDay.Today(app.Clock).Stored();

    private async Task VoicesAsync(TestOrganisation organisation, Guid ideaId, int people, DateTime saidOn)
    {
        for (var i = 0; i < people; i++)
        {
            var person = await app.CreatePersonAsync(organisation);
            await app.CreateContributionAsync(organisation, "Me too", c =>
            {
                c.LinkedToId = ideaId;
                c.PersonId = person.Id;
                c.SaidOnUtc = saidOn;
            });
        }
    }

    private static async Task<string> BuildingUpAsync(SignedIn who)
    {
        var page = await who.Client.GetPageAsync(who.Org);
        return page.QuerySelector(".withus-building-up")?.TextContent ?? "";
    }

    /// <summary>The last cell of the theme's row on the themes page: its voices in the window.</summary>
    private static async Task<string> RecentVoicesOnTheThemesPageAsync(SignedIn who, string theme)
    {
        var page = await who.Client.GetPageAsync($"{who.Org}/themes");
        return page.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains(theme)).QuerySelectorAll("td")[^1].TextContent.Trim();
    }

    [DatabaseFact]
    public async Task AnIdea_ReachingTheThreshold_IsBuildingUp_AndOneShortIsNot()
    {
        using var staff = await app.SignedInAsync();
        var reached = await app.CreateContributionAsync(staff.Organisation, "Reached idea: a youth club", c => c.SaidOnUtc = Today);
        await VoicesAsync(staff.Organisation, reached.Id, 4, Today);
        var shortOfIt = await app.CreateContributionAsync(staff.Organisation, "Short idea: a skate park", c => c.SaidOnUtc = Today);
        await VoicesAsync(staff.Organisation, shortOfIt.Id, 3, Today);

        var text = await BuildingUpAsync(staff);

        text.ShouldContain("Reached idea: a youth club");
        text.ShouldContain("5 voices");
        text.ShouldNotContain("Short idea");
    }

    [DatabaseFact]
    public async Task TheSamePersonTwice_CountsOnce_AndEachAnonymousContributionCountsOnce()
    {
        using var staff = await app.SignedInAsync();
        var person = await app.CreatePersonAsync(staff.Organisation);
        var idea = await app.CreateContributionAsync(staff.Organisation, "Repeated idea: a launderette", c => { c.PersonId = person.Id; c.SaidOnUtc = Today; });
        for (var i = 0; i < 4; i++)
        {
            await app.CreateContributionAsync(staff.Organisation, "Again", c => { c.LinkedToId = idea.Id; c.PersonId = person.Id; c.SaidOnUtc = Today; });
        }

        (await BuildingUpAsync(staff)).ShouldNotContain("Repeated idea", customMessage: "one person five times is one voice");

        for (var i = 0; i < 4; i++)
        {
            await app.CreateContributionAsync(staff.Organisation, "Anonymous", c => { c.LinkedToId = idea.Id; c.SaidOnUtc = Today; });
        }

        (await BuildingUpAsync(staff)).ShouldContain("Repeated idea: a launderette");
    }

    [DatabaseFact]
    public async Task OnlyVoicesWithinTheWindow_Count()
    {
        using var staff = await app.SignedInAsync();
        var firstDay = Today.AddDays(-89);
        var inside = await app.CreateContributionAsync(staff.Organisation, "Inside idea: a garden", c => c.SaidOnUtc = firstDay);
        await VoicesAsync(staff.Organisation, inside.Id, 4, firstDay);
        var outside = await app.CreateContributionAsync(staff.Organisation, "Outside idea: a cinema", c => c.SaidOnUtc = firstDay.AddDays(-1));
        await VoicesAsync(staff.Organisation, outside.Id, 4, firstDay.AddDays(-1));

        var text = await BuildingUpAsync(staff);

        text.ShouldContain("Inside idea: a garden");
        text.ShouldNotContain("Outside idea");
    }

    [DatabaseFact]
    public async Task ATheme_WhoseIdeasTogetherReachTheThreshold_IsBuildingUp_WithVoicesPerWeek()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Getting about");
        for (var i = 0; i < 5; i++)
        {
            var person = await app.CreatePersonAsync(staff.Organisation);
            var idea = await app.CreateContributionAsync(staff.Organisation, $"Bus idea {i}", c => { c.PersonId = person.Id; c.SaidOnUtc = Today.AddDays(-7 * i); });
            await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);
        }

        var page = await staff.Client.GetPageAsync(staff.Org);

        var item = page.QuerySelectorAll(".withus-building-up > li").Single(li => li.TextContent.Contains("Theme: Getting about"));
        item.TextContent.ShouldContain("5 voices");
        item.QuerySelector($"a[href='{staff.Org}/themes/{theme.Id}']").ShouldNotBeNull();
        var perWeek = item.QuerySelectorAll("tbody td").Select(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        perWeek.Sum().ShouldBe(5);
        perWeek.Count(v => v == 1).ShouldBe(5);
    }

    [DatabaseFact]
    public async Task WhatChangesAfterThePageWasSeen_ShowsAtOnce_OnTheHomeAndTheThemesPages()
    {
        using var staff = await app.SignedInAsync();
        var theme = await app.CreateThemeAsync(staff.Organisation, "Getting about");
        var idea = await app.CreateContributionAsync(staff.Organisation, "Idea before: a minibus", c => c.SaidOnUtc = Today);
        await VoicesAsync(staff.Organisation, idea.Id, 4, Today);
        await app.AddThemeAsync(staff.Organisation, idea.Id, theme.Id);
        var themePage = $"{staff.Org}/themes/{theme.Id}";
        (await BuildingUpAsync(staff)).ShouldContain("Theme: Getting about");
        (await RecentVoicesOnTheThemesPageAsync(staff, "Getting about")).ShouldBe("5");

        await app.InOrganisationAsync(staff.Organisation, async db =>
        {
            (await db.Themes.SingleAsync(t => t.Id == theme.Id)).Name = "Getting around";
            (await db.Contributions.SingleAsync(c => c.Id == idea.Id)).Text = "Idea after: a minibus on Fridays";
            await db.SaveChangesAsync();
        });
        var text = await BuildingUpAsync(staff);
        text.ShouldContain("Theme: Getting around");
        text.ShouldContain("Idea after: a minibus on Fridays");

        await VoicesAsync(staff.Organisation, idea.Id, 2, Today);
        (await BuildingUpAsync(staff)).ShouldContain("7 voices");
        (await staff.Client.GetPageAsync(themePage)).QuerySelector("main")!.TextContent.ShouldContain("7 voices");
        (await RecentVoicesOnTheThemesPageAsync(staff, "Getting around")).ShouldBe("7");

        await app.InOrganisationAsync(staff.Organisation, db => db.ContributionThemes.Where(l => l.ThemeId == theme.Id).ExecuteDeleteAsync());
        (await BuildingUpAsync(staff)).ShouldNotContain("Theme: Getting around");
        (await staff.Client.GetPageAsync(themePage)).QuerySelector("main")!.TextContent.ShouldContain("0 voices");
        (await RecentVoicesOnTheThemesPageAsync(staff, "Getting around")).ShouldBe("0");
    }

    [DatabaseFact]
    public async Task WhenTheDayTurns_TheWindowMovesOn_ThoughNothingWasSaid()
    {
        // An app of its own: the clock moves past the window, which would move it for the other tests too.
        await using var own = new ClockedWithUsFactory(TestDatabase.Current);
        using var staff = await own.SignedInAsync();
        var firstDay = LocalDay.Today(own.Clock).Stored().AddDays(-89);
        var idea = await own.CreateContributionAsync(staff.Organisation, "Said on the window's first day: a bike shed", c => c.SaidOnUtc = firstDay);
        for (var i = 0; i < 4; i++)
        {
            await own.CreateContributionAsync(staff.Organisation, "Me too", c => { c.LinkedToId = idea.Id; c.SaidOnUtc = firstDay; });
        }

        (await BuildingUpAsync(staff)).ShouldContain("a bike shed");

        own.Clock.Advance(TimeSpan.FromDays(1));
        using var tomorrow = await own.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Staff);
        (await BuildingUpAsync(tomorrow)).ShouldNotContain("a bike shed");
    }

    [DatabaseFact]
    public async Task TheOrganisationsOwnThresholdAndWindow_AreUsed()
    {
        using var staff = await app.SignedInAsync();
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<Web.Infrastructure.Data.WithUsDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == staff.Organisation.Id);
            organisation.BuildUpThreshold = 2;
            organisation.BuildUpWindowDays = 7;
            await db.SaveChangesAsync();
        });
        var recent = await app.CreateContributionAsync(staff.Organisation, "Recent pair idea", c => c.SaidOnUtc = Today.AddDays(-6));
        await VoicesAsync(staff.Organisation, recent.Id, 1, Today.AddDays(-6));
        var older = await app.CreateContributionAsync(staff.Organisation, "Older pair idea", c => c.SaidOnUtc = Today.AddDays(-7));
        await VoicesAsync(staff.Organisation, older.Id, 1, Today.AddDays(-7));

        var text = await BuildingUpAsync(staff);

        text.ShouldContain("Recent pair idea");
        text.ShouldNotContain("Older pair idea");
    }

    [DatabaseFact]
    public async Task StaffHome_ShowsTheOwedCount_ButAPartnersHomeShowsNoStaffData()
    {
        using var staff = await app.SignedInAsync();
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "Visible only to staff: a youth club", OutcomeStatus.Planned, DateTime.UtcNow);
        await VoicesAsync(staff.Organisation, idea.Id, 5, Today);
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);

        var staffHome = await staff.Client.GetPageAsync(staff.Org);
        var partnerHome = await partner.Client.GetPageAsync(partner.Org);

        // The five who added their voice did not agree to be contacted: only the idea's own person is owed a reply.
        staffHome.QuerySelector($"main a[href='{staff.Org}/voice/owed']")!.TextContent.ShouldBe("Owed a reply: 1");
        staffHome.QuerySelector($"a[href='{staff.Org}/voice/new']")!.TextContent.ShouldBe("Record what someone said");
        staffHome.QuerySelector($"a[href='/p/{staff.Organisation.Slug}']").ShouldNotBeNull();
        partnerHome.QuerySelector($"a[href='{partner.Org}/my-voice/new']")!.TextContent.ShouldBe("Tell us something");
        partnerHome.QuerySelector($"a[href='{staff.Org}/voice/new']").ShouldBeNull();
        staffHome.QuerySelector("main")!.TextContent.ShouldContain("Visible only to staff");
        var partnerText = partnerHome.QuerySelector("main")!.TextContent;
        partnerText.ShouldNotContain("Visible only to staff");
        partnerText.ShouldNotContain("Owed a reply");
        partnerText.ShouldNotContain("Building up");
    }
}
