namespace WithUs.Tests.Features.Settings;

public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private Task<Organisation> OrganisationAsync(TestOrganisation organisation) =>
        app.InScopeAsync(services => services.GetRequiredService<Web.Infrastructure.Data.WithUsDbContext>()
            .Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));

    [DatabaseFact]
    public async Task Get_ShowsTheDefaults()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);

        var page = await admin.Client.GetPageAsync($"{admin.Org}/settings");

        page.FieldValue("Input.BuildUpThreshold").ShouldBe("5");
        page.FieldValue("Input.BuildUpWindowDays").ShouldBe("90");
        page.FieldValue("Input.ResponseWindowDays").ShouldBe("28");
        page.QuerySelector("#Input_PublicPagesOpen")!.HasAttribute("checked").ShouldBeTrue();
    }

    [DatabaseFact]
    public async Task Post_SavesAllFourAndAuditsWhatChanged()
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);

        using var response = await admin.PostPageAsync($"{admin.Org}/settings", new()
        {
            ["Input.BuildUpThreshold"] = "1000",
            ["Input.BuildUpWindowDays"] = "7",
            ["Input.ResponseWindowDays"] = "365",
            ["Input.PublicPagesOpen"] = "false",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Location().ShouldBe($"{admin.Org}/settings");
        var saved = await OrganisationAsync(admin.Organisation);
        (saved.BuildUpThreshold, saved.BuildUpWindowDays, saved.ResponseWindowDays, saved.PublicPagesOpen).ShouldBe((1000, 7, 365, false));
        (await app.AuditEntriesAsync("SettingsChanged")).ShouldContain(e =>
            e.OrganisationId == admin.Organisation.Id && e.Details == "Changed: voices to build up, days to build up, days to reply, public pages closed");
    }

    [DatabaseTheory]
    [InlineData("0", "6", "0", "How many voices must be a whole number from 1 to 1000", "The number of days for building up must be a whole number from 7 to 3650", "The number of days to reply must be a whole number from 1 to 365")]
    [InlineData("1001", "3651", "366", "How many voices must be a whole number from 1 to 1000", "The number of days for building up must be a whole number from 7 to 3650", "The number of days to reply must be a whole number from 1 to 365")]
    [InlineData("five", "<script>", "", "How many voices must be a whole number from 1 to 1000", "The number of days for building up must be a whole number from 7 to 3650", "The number of days to reply: enter a whole number from 1 to 365")]
    public async Task Post_OutOfRange_Answers400KeepsInputAndChangesNothing(string threshold, string window, string response,
        string thresholdError, string windowError, string responseError)
    {
        using var admin = await app.SignedInAsync(OrganisationRole.Administrator);

        using var answer = await admin.PostPageAsync($"{admin.Org}/settings", new()
        {
            ["Input.BuildUpThreshold"] = threshold,
            ["Input.BuildUpWindowDays"] = window,
            ["Input.ResponseWindowDays"] = response,
        });

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await answer.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([thresholdError, windowError, responseError]);
        page.FieldValue("Input.BuildUpThreshold").ShouldBe(threshold);
        page.FieldValue("Input.BuildUpWindowDays").ShouldBe(window);
        var saved = await OrganisationAsync(admin.Organisation);
        saved.BuildUpThreshold.ShouldBe(Organisation.DefaultBuildUpThreshold);
    }

    [DatabaseTheory]
    [InlineData(OrganisationRole.Staff)]
    [InlineData(OrganisationRole.Partner)]
    public async Task Settings_ForSomeoneWhoIsNotAnAdministrator_AreRefused(OrganisationRole role)
    {
        using var member = await app.SignedInAsync(role);

        using var response = await member.Client.GetAsync(new Uri($"{member.Org}/settings", UriKind.Relative));

        response.ShouldBeRefused();
    }
}
