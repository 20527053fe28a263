namespace WithUs.Tests.Features.Organisations;

/// <summary>
/// Pages follow the organisation's local day, not the UTC date: at 23:30 UTC on a summer night it is already the
/// next day in London, so that is the day capture offers and accepts, and the day the owed-reply window counts from.
/// </summary>
public sealed class LocalDayTests(ClockedAppPerDatabase apps) : IClassFixture<ClockedAppPerDatabase>
{
    private readonly ClockedWithUsFactory app = apps.Current;

    private static readonly DateTimeOffset SummerNight = new(2026, 7, 14, 23, 30, 0, TimeSpan.Zero);

    /// <summary>Signs in while the app's clock agrees with the authenticator code, then puts the clock where the test wants it.</summary>
    private async Task<SignedIn> SignedInAtAsync(DateTimeOffset moment, OrganisationRole role = OrganisationRole.Staff)
    {
        app.Clock.Set(DateTimeOffset.UtcNow);
        var who = await app.SignedInAsync(role);
        app.Clock.Set(moment);
        return who;
    }

    private async Task UseTimeZoneAsync(TestOrganisation organisation, string zone)
    {
        var changed = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .Where(o => o.Id == organisation.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.TimeZone, zone)));
        changed.ShouldBe(1);
    }

    private static async Task<HttpResponseMessage> CaptureAsync(SignedIn staff, string saidOn)
    {
        var url = $"{staff.Org}/voice/new";
        var page = await staff.Client.GetPageAsync(url);
        return await staff.Client.PostFormAsync(url, new Dictionary<string, string>
        {
            [Html.AntiforgeryField] = page.AntiforgeryToken(),
            ["Input.Text"] = "A late-night bus from the station",
            ["Input.Kind"] = "Idea",
            ["Input.Channel"] = "Conversation",
            ["Input.SaidOn"] = saidOn,
            ["Input.Provenance"] = "FirstHand",
            ["Input.Who"] = "Anonymous",
        });
    }

    [DatabaseFact]
    public async Task Capture_OnASummerNight_OffersAndAcceptsTomorrowInLondon()
    {
        using var staff = await SignedInAtAsync(SummerNight);

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/new");
        using var saved = await CaptureAsync(staff, "2026-07-15");
        using var tooLate = await CaptureAsync(staff, "2026-07-16");

        page.FieldValue("Input.SaidOn").ShouldBe("2026-07-15");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(saved.Location().Split('/').Last());
        var contribution = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == id));
        contribution.SaidOnUtc.ShouldBe(new DateTime(2026, 7, 15, 0, 0, 0, DateTimeKind.Utc));
        tooLate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task Capture_ForAnOrganisationOnUtc_RefusesWhatIsAlreadyTodayInLondon()
    {
        using var staff = await SignedInAtAsync(SummerNight);
        await UseTimeZoneAsync(staff.Organisation, "Etc/UTC");

        var page = await staff.Client.GetPageAsync($"{staff.Org}/voice/new");
        using var refused = await CaptureAsync(staff, "2026-07-15");

        page.FieldValue("Input.SaidOn").ShouldBe("2026-07-14");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task Told_OnASummerNight_DefaultsToTodayInLondon_AndSavesTheMoment()
    {
        using var staff = await SignedInAtAsync(SummerNight);
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "Cheaper bus fares", OutcomeStatus.Planned, new DateTime(2026, 7, 14, 9, 0, 0, DateTimeKind.Utc));
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        var page = await staff.Client.GetPageAsync(url);
        using var response = await staff.Client.SubmitAsync(page, url, new Dictionary<string, string> { ["Input.How"] = "Phone" });

        page.FieldValue("Input.When").ShouldBe("2026-07-15");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == idea.Id));
        saved.ToldAtUtc.ShouldBe(SummerNight.UtcDateTime);
    }

    [DatabaseFact]
    public async Task Told_OnAnEarlierDay_IsStoredAsTheStartOfThatDayInLondon()
    {
        using var staff = await SignedInAtAsync(SummerNight);
        var idea = await app.CreateOwedIdeaAsync(staff.Organisation, "A bench by the pond", OutcomeStatus.Done, new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc));
        var url = $"{staff.Org}/voice/{idea.Id}/told";

        using var response = await staff.PostPageAsync(url, new() { ["Input.How"] = "Email", ["Input.When"] = "2026-07-10" });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Id == idea.Id));
        saved.ToldAtUtc.ShouldBe(new DateTime(2026, 7, 9, 23, 0, 0, DateTimeKind.Utc));
        var details = await staff.Client.GetPageAsync($"{staff.Org}/voice/{idea.Id}");
        details.QuerySelector("main")!.TextContent.ShouldContain("Told on 10 July 2026");
    }

    /// <summary>
    /// With 28 days to reply, an idea recorded on 17 June (London) is owed from the start of 15 July, whatever the hour
    /// it was recorded; one recorded ten minutes into 18 June is not owed yet.
    /// </summary>
    [DatabaseFact]
    public async Task Owed_CountsWholeLocalDays()
    {
        using var staff = await SignedInAtAsync(SummerNight);
        await app.CreateContributionAsync(staff.Organisation, "Recorded late on 17 June",
            c => c.CreatedAtUtc = new DateTime(2026, 6, 17, 22, 50, 0, DateTimeKind.Utc));
        await app.CreateContributionAsync(staff.Organisation, "Recorded early on 18 June",
            c => c.CreatedAtUtc = new DateTime(2026, 6, 17, 23, 10, 0, DateTimeKind.Utc));

        var text = (await staff.Client.GetPageAsync($"{staff.Org}/voice/owed")).QuerySelector("main")!.TextContent;

        text.ShouldContain("Recorded late on 17 June");
        text.ShouldNotContain("Recorded early on 18 June");
    }

    [DatabaseFact]
    public async Task Settings_ShowLondonByDefault_AndSaveAnIanaZone()
    {
        using var admin = await SignedInAtAsync(SummerNight, OrganisationRole.Administrator);

        var page = await admin.Client.GetPageAsync($"{admin.Org}/settings");
        using var response = await admin.PostPageAsync($"{admin.Org}/settings", new() { ["Input.TimeZone"] = "America/New_York" });

        page.FieldValue("Input.TimeZone").ShouldBe("Europe/London");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var saved = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .AsNoTracking().SingleAsync(o => o.Id == admin.Organisation.Id));
        saved.TimeZone.ShouldBe("America/New_York");
        (await app.AuditEntriesAsync("SettingsChanged")).ShouldContain(e =>
            e.OrganisationId == admin.Organisation.Id && e.Details == "Changed: time zone America/New_York");
        var capture = await admin.Client.GetPageAsync($"{admin.Org}/voice/new");
        capture.FieldValue("Input.SaidOn").ShouldBe("2026-07-14");
    }

    [DatabaseTheory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("GMT Standard Time")]
    [InlineData("BST")]
    public async Task Settings_RefuseAZoneThatIsNotOnTheIanaList(string zone)
    {
        using var admin = await SignedInAtAsync(SummerNight, OrganisationRole.Administrator);

        using var response = await admin.PostPageAsync($"{admin.Org}/settings", new() { ["Input.TimeZone"] = zone });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe(["Enter a time zone from the IANA list, like Europe/London"]);
        page.FieldValue("Input.TimeZone").ShouldBe(zone);
        var saved = await app.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().Organisations
            .AsNoTracking().SingleAsync(o => o.Id == admin.Organisation.Id));
        saved.TimeZone.ShouldBe("Europe/London");
    }
}
