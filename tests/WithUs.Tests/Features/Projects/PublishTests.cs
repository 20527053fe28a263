using WithUs.Web.Features.Projects;

namespace WithUs.Tests.Features.Projects;

/// <summary>Projects/Publish: staff publish a project with a summary for the public, see what the public will read, change it, or stop publishing.</summary>
public sealed class PublishTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private const string Summary = "A Saturday drop-in, designed with the people who asked for it.";

    private static string Url(SignedIn staff, Guid projectId) => $"{staff.Org}/projects/{projectId}/publish";

    private Task<Project> ProjectAsync(TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, db => db.Set<Project>().AsNoTracking().SingleAsync());

    [DatabaseFact]
    public async Task Publishing_SavesTheSummary_AuditsIt_AndTheProjectPageLinksToThePublicPage()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var before = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}");
        before.QuerySelector("#publish-state")!.TextContent.ShouldContain("Not published");
        var form = await staff.Client.GetPageAsync(Url(staff, project.Id));
        form.QuerySelector("#publish-status")!.TextContent.ShouldContain("Not published");
        form.QuerySelector("#public-preview #project-title")!.TextContent.ShouldBe("Saturday opening", "the preview shows the project as the public will");
        form.QuerySelector("#public-hint")!.TextContent.ShouldContain("shown as you typed it");

        using var published = await staff.Client.SubmitAsync(form, Url(staff, project.Id), new Dictionary<string, string> { ["Summary"] = "  " + Summary + " " });

        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        published.Location().ShouldBe($"{staff.Org}/projects/{project.Id}#published");
        var saved = await ProjectAsync(staff.Organisation);
        (saved.IsPublished, saved.PublicSummary).ShouldBe((true, Summary));
        saved.PublishedAtUtc.ShouldNotBeNull();
        (await app.AuditEntriesAsync("ProjectPublished")).ShouldContain(e => e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id);
        var page = await staff.Client.GetPageAsync($"{staff.Org}/projects/{project.Id}");
        page.QuerySelector("#publish-state")!.TextContent.ShouldContain("Published");
        page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href"))
            .ShouldContain($"/p/{staff.Organisation.Slug}/projects/{project.Id}");
        using var visitor = app.CreateClient();
        (await visitor.GetStringAsync($"/p/{staff.Organisation.Slug}/projects/{project.Id}")).ShouldContain(Summary);
    }

    [DatabaseTheory]
    [InlineData("", "Write a summary for the public, in plain words")]
    [InlineData("   ", "Write a summary for the public, in plain words")]
    [InlineData("toolong", "The summary must be 1,000 characters or fewer")]
    [InlineData("bell\u0007", "The summary can only have letters, numbers, spaces and punctuation")]
    public async Task BadInput_Answers400_WithTheError_KeepsWhatWasTyped_AndChangesNothing(string typed, string error)
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var summary = typed == "toolong" ? new string('a', Project.PublicSummaryMaxLength + 1) : typed;
        var form = await staff.Client.GetPageAsync(Url(staff, project.Id));

        using var refused = await staff.Client.SubmitAsync(form, Url(staff, project.Id), new Dictionary<string, string> { ["Summary"] = summary });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await refused.ReadHtmlAsync();
        page.ErrorSummary().ShouldBe([error]);
        if (summary.Trim().Length > 0 && typed != "bell\u0007")
        {
            page.QuerySelector("textarea[name=Summary]")!.TextContent.Trim().ShouldBe(summary.Trim());
        }

        var saved = await ProjectAsync(staff.Organisation);
        (saved.IsPublished, saved.PublicSummary, saved.PublishedAtUtc).ShouldBe((false, (string?)null, (DateTime?)null));
        (await app.AuditEntriesAsync("ProjectPublished")).ShouldNotContain(e => e.OrganisationId == staff.Organisation.Id);
        (await app.CreateClient().GetAsync($"/p/{staff.Organisation.Slug}/projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [DatabaseFact]
    public async Task SavingChanges_ToAPublishedProject_ChangesTheSummary_KeepsWhenItWasPublished_AndAnEmptyOneChangesNothing()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var publishedAt = DateTime.UtcNow.AddDays(-10);
        await app.PublishProjectAsync(staff.Organisation, project.Id, Summary, publishedAt);
        var form = await staff.Client.GetPageAsync(Url(staff, project.Id));
        form.QuerySelector("textarea[name=Summary]")!.TextContent.Trim().ShouldBe(Summary);
        form.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Save changes");

        using var empty = await staff.Client.SubmitAsync(form, Url(staff, project.Id), new Dictionary<string, string> { ["Summary"] = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProjectAsync(staff.Organisation)).PublicSummary.ShouldBe(Summary);

        using var saved = await staff.Client.SubmitAsync(form, Url(staff, project.Id), new Dictionary<string, string> { ["Summary"] = "Open on Saturdays, run with peer mentors." });

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await ProjectAsync(staff.Organisation);
        (kept.IsPublished, kept.PublicSummary).ShouldBe((true, "Open on Saturdays, run with peer mentors."));
        kept.PublishedAtUtc!.Value.ShouldBe(publishedAt, TimeSpan.FromSeconds(1));
        (await app.AuditEntriesAsync("ProjectPublicSummaryChanged")).ShouldContain(e => e.OrganisationId == staff.Organisation.Id);
        (await app.AuditEntriesAsync("ProjectPublished")).ShouldNotContain(e => e.OrganisationId == staff.Organisation.Id);
    }

    [DatabaseFact]
    public async Task StopPublishing_TakesItOffThePublicPages_KeepsTheSummaryForNextTime_AndAuditsIt()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        await app.PublishProjectAsync(staff.Organisation, project.Id, Summary);

        using var stopped = await staff.StopPublishingAsync(project.Id);

        stopped.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var kept = await ProjectAsync(staff.Organisation);
        (kept.IsPublished, kept.PublishedAtUtc, kept.PublicSummary).ShouldBe((false, (DateTime?)null, Summary));
        (await app.AuditEntriesAsync("ProjectUnpublished")).ShouldContain(e => e.OrganisationId == staff.Organisation.Id);
        (await app.CreateClient().GetAsync($"/p/{staff.Organisation.Slug}/projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var again = await staff.Client.GetPageAsync(Url(staff, project.Id));
        again.QuerySelector("textarea[name=Summary]")!.TextContent.Trim().ShouldBe(Summary, "ready to publish again");
        again.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Publish");
    }

    [DatabaseFact]
    public async Task Checking_ShowsTheSummaryAsTypedInThePreview_AndSavesNothing()
    {
        using var staff = await app.SignedInAsync();
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        var form = await staff.Client.GetPageAsync(Url(staff, project.Id));
        form.QuerySelector("#public-preview #public-summary")!.TextContent.ShouldBe("The summary you write goes here.");

        // The "Check what the public will see" button's own address (its formaction).
        var check = form.QuerySelectorAll("main form button").Single(b => b.TextContent.Trim() == "Check what the public will see").GetAttribute("formaction")!;
        check.ShouldBe($"{Url(staff, project.Id)}?handler=Preview");
        using var preview = await staff.Client.PostFormAsync(check,
            [.. form.MainForm().Fields().Where(f => f.Key != "Summary"), new("Summary", Summary)]);

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var checkedPage = await preview.ReadHtmlAsync();
        checkedPage.QuerySelector("#public-preview #public-summary")!.TextContent.ShouldBe(Summary);
        checkedPage.MainForm().GetAttribute("action").ShouldBe(Url(staff, project.Id), "the browser is at ?handler=Preview: publishing must not check again");
        (await ProjectAsync(staff.Organisation)).IsPublished.ShouldBeFalse();
        (await ProjectAsync(staff.Organisation)).PublicSummary.ShouldBeNull();
    }

    [DatabaseFact]
    public async Task APartner_IsRefusedThePublishPage_AndOneNotInTheTeamFindsTheProjectOnlyOnThePublicPages()
    {
        using var staff = await app.SignedInAsync();
        using var partner = await app.AlsoSignedInAsync(staff.Organisation, OrganisationRole.Partner);
        await app.CreatePersonAsync(staff.Organisation, name: "Kasia Nowak", userId: partner.User.Id);
        var project = await app.CreateProjectAsync(staff.Organisation, "Saturday opening");
        await app.PublishProjectAsync(staff.Organisation, project.Id, Summary);

        (await partner.Client.GetAsync(Url(partner, project.Id))).ShouldBeRefused();
        var token = (await partner.Client.GetPageAsync($"{partner.Org}/my-projects")).AntiforgeryToken();
        foreach (var handler in new[] { "", "?handler=Stop", "?handler=Preview" })
        {
            using var post = await partner.Client.PostFormAsync(Url(partner, project.Id) + handler,
                [new(Html.AntiforgeryField, token), new("Summary", "Taken over")]);
            post.ShouldBeRefused();
        }

        (await partner.Client.GetAsync($"{partner.Org}/projects/{project.Id}")).ShouldBeRefused();
        (await partner.Client.GetAsync($"{partner.Org}/my-projects/{project.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "not in its team");

        (await ProjectAsync(staff.Organisation)).IsPublished.ShouldBeTrue();
        (await partner.Client.GetStringAsync($"/p/{staff.Organisation.Slug}/projects/{project.Id}")).ShouldContain(Summary);
    }
}
