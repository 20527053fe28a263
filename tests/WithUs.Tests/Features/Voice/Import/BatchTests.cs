using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Import;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>Voice/Import/Batch: the check of an uploaded file, its preview and the import itself.</summary>
public sealed class BatchTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task GoodFile_ShowsAPreview_ThenImportsEveryRowOnConfirm()
    {
        using var staff = await app.SignedInAsync();
        var existing = await app.CreateThemeAsync(staff.Organisation, "Food");
        var batchPage = await UploadAndCheckAsync(app, staff, Header
            + "The bus stops before the hall,Need,Drop-in,14/10/2026,Pat W,Yes,Transport | food\r\n"
            + "\"More tea dances, please\",Idea,Event,2026-09-01,Pat W,yes,\r\n"
            + "<script>alert(1)</script>,Praise,,,,,\r\n");

        var preview = await staff.Client.GetPageAsync(batchPage);

        preview.QuerySelector("h1")!.TextContent.ShouldBe("Check before you import");
        preview.QuerySelectorAll("main table tbody tr").Length.ShouldBe(3);
        preview.QuerySelector("main table")!.TextContent.ShouldContain("More tea dances, please");
        preview.QuerySelector("main table")!.InnerHtml.ShouldContain("&lt;script&gt;");
        preview.QuerySelector("main")!.TextContent.ShouldContain("These themes will be created: Transport.");
        (await CountAsync<Contribution>(app, staff.Organisation)).ShouldBe(0, "nothing is saved before the person confirms");

        using var confirmed = await ConfirmAsync(staff, batchPage);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var batch = await WaitAsync(app, staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
        var done = await staff.Client.GetPageAsync(batchPage);

        batch.Status.ShouldBe(ImportStatus.Imported);
        batch.Content.ShouldBeEmpty("the uploaded copy is not kept once imported");
        batch.SummaryJson.ShouldNotBeNull().ShouldNotContain("Pat W", Case.Sensitive, "nor are the preview rows, names among them (ADR 0022)");
        done.QuerySelector(".govuk-panel__title")!.TextContent.ShouldBe("Imported 3 contributions");
        done.QuerySelector($"main a[href='/o/{staff.Organisation.Slug}/voice']").ShouldNotBeNull();
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking()
            .Include(c => c.Themes).ThenInclude(t => t.Theme).Include(c => c.Person).ToListAsync());
        saved.Select(c => c.Text).ShouldBe(["The bus stops before the hall", "More tea dances, please", "<script>alert(1)</script>"], ignoreOrder: true);
        var bus = saved.Single(c => c.Text.StartsWith("The bus", StringComparison.Ordinal));
        var tea = saved.Single(c => c.Text.StartsWith("More tea", StringComparison.Ordinal));
        var script = saved.Single(c => c.Text.StartsWith("<script>", StringComparison.Ordinal));
        saved.ShouldAllBe(c => c.Source == ContributionSource.Import && c.RecordedByUserId == staff.User.Id);
        bus.SaidOnUtc.ShouldBe(new DateTime(2026, 10, 14));
        bus.Kind.ShouldBe(ContributionKind.Need);
        bus.Channel.ShouldBe(Channel.DropIn);
        bus.Themes.Select(t => t.Theme!.Name).Order().ShouldBe(["Food", "Transport"]);
        bus.Themes.ShouldContain(t => t.ThemeId == existing.Id, "an existing theme is matched ignoring case");
        bus.PersonId.ShouldNotBeNull();
        tea.PersonId.ShouldBe(bus.PersonId, "the same name in one file is one person");
        bus.Person!.ConsentToRecord.ShouldBeTrue();
        (await app.ConsentsAsync(staff.Organisation, bus.Person.Id)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(ConsentKind.Record), c => c.Given.ShouldBeTrue(),
            c => c.Way.ShouldBe(ConsentWay.InPerson, "said at a drop-in"), c => c.RecordedByUserId.ShouldBe(staff.User.Id));
        script.PersonId.ShouldBeNull();
        // Written in bulk, without the save interceptors: indexed for similarity exactly as a saved contribution is.
        var index = await app.InOrganisationAsync(staff.Organisation, db => db.ContributionTerms.AsNoTracking().ToListAsync());
        foreach (var contribution in saved)
        {
            index.Where(t => t.ContributionId == contribution.Id).Select(t => t.Term)
                .ShouldBe(Web.Features.Voice.Similarity.TextAnalyser.Terms(contribution.Text), ignoreOrder: true, contribution.Text);
            contribution.TermCount.ShouldBe(Web.Features.Voice.Similarity.TextAnalyser.Terms(contribution.Text).Count(t => !Web.Features.Voice.Similarity.TextAnalyser.IsSkeleton(t)));
        }

        index.ShouldAllBe(t => t.OrganisationId == staff.Organisation.Id);
        (await app.AuditEntriesAsync(VoiceImporter.AuditAction)).Where(e => e.OrganisationId == staff.Organisation.Id)
            .ShouldHaveSingleItem().ActorUserId.ShouldBe(staff.User.Id);
    }

    [DatabaseFact]
    public async Task FileWithErrors_NamesEveryRow_AndCannotBeImported()
    {
        using var staff = await app.SignedInAsync();
        var batchPage = await UploadAndCheckAsync(app, staff, Header
            + "Fine,Idea,,,,,\r\n"
            + "Typo,Ideaa,,,,,\r\n"
            + "Named,Idea,,,Pat,,\r\n"
            + "Broken \"quote,Idea,,,,,\r\n");
        var batchId = Guid.Parse(batchPage.Split('/')[^1]);

        var page = await staff.Client.GetPageAsync(batchPage);
        using var forced = await staff.Client.PostFormAsync(batchPage + "?handler=Import", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);
        var batch = await WaitAsync(app, staff.Organisation, batchId);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Your file needs correcting");
        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();
        errors.Count.ShouldBe(3);
        errors[0].ShouldStartWith("Row 3: 'Kind' is 'Ideaa'");
        errors[1].ShouldStartWith("Row 4: there is a name but no 'Yes'");
        errors[2].ShouldStartWith("Row 5: a quote mark is in the wrong place");
        page.QuerySelector($"main a.govuk-button[href='{staff.Import}']")!.TextContent.ShouldBe("Upload a corrected file");
        page.QuerySelector("main form[method='post']").ShouldBeNull("there is nothing to import");
        batch.Status.ShouldBe(ImportStatus.Checked);
        batch.Content.ShouldBeEmpty();
        (await CountAsync<Contribution>(app, staff.Organisation)).ShouldBe(0);
        (await CountAsync<Web.Features.People.Person>(app, staff.Organisation)).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task HeaderOnly_SaysThereAreNoRows()
    {
        using var staff = await app.SignedInAsync();

        var page = await staff.Client.GetPageAsync(await UploadAndCheckAsync(app, staff, Header));

        page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ShouldBe(
            ["The file has the column names but no rows under them. Add one row for each thing said"]);
    }

    [DatabaseFact]
    public async Task FailureHalfwayThroughTheImport_RollsBackEveryRow()
    {
        using var staff = await app.SignedInAsync();
        var hooks = app.Services.GetRequiredService<ImportHooks>();
        var batchPage = await UploadAndCheckAsync(app, staff, Header
            + "One,Idea,,,Ann,Yes,New theme\r\nTwo,Idea,,,Bo,Yes,\r\nThree,Idea,,,,,\r\nFour,Idea,,,,,\r\nFive,Idea,,,,,\r\n");
        hooks.ChunkSize = 2;
        hooks.AfterChunkAsync = done => done >= 4 ? throw new InvalidOperationException("Simulated failure") : Task.CompletedTask;
        try
        {
            (await ConfirmAsync(staff, batchPage)).Dispose();
            var batch = await WaitAsync(app, staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
            var page = await staff.Client.GetPageAsync(batchPage);

            batch.Status.ShouldBe(ImportStatus.Failed);
            page.QuerySelector(".govuk-error-summary__title")!.TextContent.ShouldBe("Nothing was imported");
            (await CountAsync<Contribution>(app, staff.Organisation)).ShouldBe(0);
            (await CountAsync<Web.Features.People.Person>(app, staff.Organisation)).ShouldBe(0);
            (await CountAsync<Theme>(app, staff.Organisation)).ShouldBe(0);
            (await app.InOrganisationAsync(staff.Organisation, db => db.ContributionTerms.CountAsync())).ShouldBe(0);
        }
        finally
        {
            hooks.ChunkSize = 1000;
            hooks.AfterChunkAsync = null;
        }
    }
}
