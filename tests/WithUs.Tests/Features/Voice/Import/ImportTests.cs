using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WithUs.Tests.Harness;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Tests.Features.Voice.Import;

public abstract class ImportTests(WithUsFactory app)
{
    private const string Header = "What was said,Kind,Channel,Date said,Name,Consent to keep their name,Themes\r\n";

    private sealed record Staff(TestOrganisation Organisation, TestUser User, HttpClient Client)
    {
        public string Import => $"/o/{Organisation.Slug}/voice/import";
    }

    private async Task<Staff> SignedInStaffAsync()
    {
        var (organisation, user) = await app.CreateMemberAsync(OrganisationRole.Staff, twoFactor: true);
        var client = app.CreateBrowser();
        await client.SignInAsync(user);
        return new Staff(organisation, user, client);
    }

    private static async Task<HttpResponseMessage> UploadAsync(Staff staff, byte[] bytes, string fileName = "contributions.csv")
    {
        var page = await staff.Client.GetPageAsync(staff.Import);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.AntiforgeryToken()), Html.AntiforgeryField);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await staff.Client.PostAsync(new Uri(staff.Import, UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> UploadAsync(Staff staff, string csv) => UploadAsync(staff, Encoding.UTF8.GetBytes(csv));

    /// <summary>Uploads a file, waits for its check and returns the batch page's address.</summary>
    private async Task<string> UploadAndCheckAsync(Staff staff, string csv)
    {
        using var response = await UploadAsync(staff, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Location();
        await WaitAsync(staff.Organisation, Guid.Parse(location.Split('/')[^1]));
        return location;
    }

    private Task<ImportBatch> BatchAsync(TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == id));

    private async Task<ImportBatch> WaitAsync(TestOrganisation organisation, Guid id)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var batch = await BatchAsync(organisation, id);
            if (batch.Status is not (ImportStatus.Checking or ImportStatus.Importing) || DateTime.UtcNow > until)
            {
                return batch;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<HttpResponseMessage> ConfirmAsync(Staff staff, string batchPage)
    {
        var page = await staff.Client.GetPageAsync(batchPage);
        return await staff.Client.SubmitAsync(page, batchPage, new Dictionary<string, string>());
    }

    private Task<int> CountAsync<T>(TestOrganisation organisation)
        where T : class =>
        app.InOrganisationAsync(organisation, db => db.Set<T>().CountAsync());

    [Fact]
    public async Task GoodFile_ShowsAPreview_ThenImportsEveryRowOnConfirm()
    {
        var staff = await SignedInStaffAsync();
        var existing = await app.CreateThemeAsync(staff.Organisation, "Food");
        var batchPage = await UploadAndCheckAsync(staff, Header
            + "The bus stops before the hall,Need,Drop-in,14/10/2026,Pat W,Yes,Transport | food\r\n"
            + "\"More tea dances, please\",Idea,Event,2026-09-01,Pat W,yes,\r\n"
            + "<script>alert(1)</script>,Praise,,,,,\r\n");

        var preview = await staff.Client.GetPageAsync(batchPage);

        preview.QuerySelector("h1")!.TextContent.ShouldBe("Check before you import");
        preview.QuerySelectorAll("main table tbody tr").Length.ShouldBe(3);
        preview.QuerySelector("main table")!.TextContent.ShouldContain("More tea dances, please");
        preview.QuerySelector("main table")!.InnerHtml.ShouldContain("&lt;script&gt;");
        preview.QuerySelector("main")!.TextContent.ShouldContain("These themes will be created: Transport.");
        (await CountAsync<Contribution>(staff.Organisation)).ShouldBe(0, "nothing is saved before the person confirms");

        using var confirmed = await ConfirmAsync(staff, batchPage);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var batch = await WaitAsync(staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
        var done = await staff.Client.GetPageAsync(batchPage);

        batch.Status.ShouldBe(ImportStatus.Imported);
        batch.Content.ShouldBeEmpty("the uploaded copy is not kept once imported");
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
        bus.Person.ConsentRecordedByUserId.ShouldBe(staff.User.Id);
        script.PersonId.ShouldBeNull();
        (await app.InOrganisationAsync(staff.Organisation, db => db.ContributionTerms.CountAsync())).ShouldBeGreaterThan(0, "imported contributions are indexed for similarity");
        (await app.AuditEntriesAsync(VoiceImporter.AuditAction)).Where(e => e.OrganisationId == staff.Organisation.Id)
            .ShouldHaveSingleItem().ActorUserId.ShouldBe(staff.User.Id);
    }

    [Fact]
    public async Task FileWithErrors_NamesEveryRow_AndCannotBeImported()
    {
        var staff = await SignedInStaffAsync();
        var batchPage = await UploadAndCheckAsync(staff, Header
            + "Fine,Idea,,,,,\r\n"
            + "Typo,Ideaa,,,,,\r\n"
            + "Named,Idea,,,Pat,,\r\n"
            + "Broken \"quote,Idea,,,,,\r\n");
        var batchId = Guid.Parse(batchPage.Split('/')[^1]);

        var page = await staff.Client.GetPageAsync(batchPage);
        using var forced = await staff.Client.PostFormAsync(batchPage + "?handler=Import", [new(Html.AntiforgeryField, page.AntiforgeryToken())]);
        var batch = await WaitAsync(staff.Organisation, batchId);

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
        (await CountAsync<Contribution>(staff.Organisation)).ShouldBe(0);
        (await CountAsync<Web.Features.People.Person>(staff.Organisation)).ShouldBe(0);
    }

    [Fact]
    public async Task HeaderOnly_SaysThereAreNoRows()
    {
        var staff = await SignedInStaffAsync();

        var page = await staff.Client.GetPageAsync(await UploadAndCheckAsync(staff, Header));

        page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ShouldBe(
            ["The file has the column names but no rows under them. Add one row for each thing said"]);
    }

    public static TheoryData<string, string> BadUploads => new()
    {
        { "empty", "The file is empty" },
        { "png", "The file is not a CSV file" },
        { "name", "The file must be a CSV file" },
        { "columns", "The first row has no 'What was said' column" },
        { "big", "The file is larger than 20 MB" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task BadUpload_Answers400WithAClearMessage_AndSavesNothing(string kind, string message)
    {
        var staff = await SignedInStaffAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        var (bytes, name) = kind switch
        {
            "empty" => ([], "contributions.csv"),
            "png" => (png, "contributions.csv"),
            "name" => (Encoding.UTF8.GetBytes(Header + "Fine\r\n"), "contributions.xlsx"),
            "columns" => (Encoding.UTF8.GetBytes("Kind,Channel\r\nIdea,Phone\r\n"), "contributions.csv"),
            _ => (Encoding.UTF8.GetBytes(Header + new string('x', (int)ImportLimits.MaxFileBytes)), "contributions.csv"),
        };

        using var response = await UploadAsync(staff, bytes, name);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await response.ReadHtmlAsync();
        page.ErrorSummary().ShouldHaveSingleItem().ShouldStartWith(message);
        (await CountAsync<ImportBatch>(staff.Organisation)).ShouldBe(0);
    }

    [Fact]
    public async Task NoFileChosen_Answers400()
    {
        var staff = await SignedInStaffAsync();
        var page = await staff.Client.GetPageAsync(staff.Import);
        using var form = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken()), Html.AntiforgeryField } };

        using var response = await staff.Client.PostAsync(new Uri(staff.Import, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose a CSV file to upload"]);
    }

    [Fact]
    public async Task FailureHalfwayThroughTheImport_RollsBackEveryRow()
    {
        var staff = await SignedInStaffAsync();
        var hooks = app.Services.GetRequiredService<ImportHooks>();
        var batchPage = await UploadAndCheckAsync(staff, Header
            + "One,Idea,,,Ann,Yes,New theme\r\nTwo,Idea,,,Bo,Yes,\r\nThree,Idea,,,,,\r\nFour,Idea,,,,,\r\nFive,Idea,,,,,\r\n");
        hooks.ChunkSize = 2;
        hooks.AfterChunkAsync = done => done >= 4 ? throw new InvalidOperationException("Simulated failure") : Task.CompletedTask;
        try
        {
            (await ConfirmAsync(staff, batchPage)).Dispose();
            var batch = await WaitAsync(staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
            var page = await staff.Client.GetPageAsync(batchPage);

            batch.Status.ShouldBe(ImportStatus.Failed);
            page.QuerySelector(".govuk-error-summary__title")!.TextContent.ShouldBe("Nothing was imported");
            (await CountAsync<Contribution>(staff.Organisation)).ShouldBe(0);
            (await CountAsync<Web.Features.People.Person>(staff.Organisation)).ShouldBe(0);
            (await CountAsync<Theme>(staff.Organisation)).ShouldBe(0);
            (await app.InOrganisationAsync(staff.Organisation, db => db.ContributionTerms.CountAsync())).ShouldBe(0);
        }
        finally
        {
            hooks.ChunkSize = 1000;
            hooks.AfterChunkAsync = null;
        }
    }

    [Fact]
    public async Task Export_ThenImportElsewhere_GivesTheSameTexts_AndGuardsAgainstFormulas()
    {
        var staff = await SignedInStaffAsync();
        var person = await app.CreatePersonAsync(staff.Organisation, "Róisín");
        var theme = await app.CreateThemeAsync(staff.Organisation, "Getting here");
        var first = await app.CreateContributionAsync(staff.Organisation, "=HYPERLINK(\"http://evil.example\")", c => c.PersonId = person.Id);
        await app.AddThemeAsync(staff.Organisation, first.Id, theme.Id);
        await app.CreateContributionAsync(staff.Organisation, "- more buses\nand \"later\" ones, please", c => c.Kind = ContributionKind.Need);
        await app.CreateContributionAsync(staff.Organisation, "Me too", c => c.LinkedToId = first.Id);

        using var export = await staff.Client.GetAsync(new Uri($"/o/{staff.Organisation.Slug}/voice/export", UriKind.Relative));
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        bytes.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        text.ShouldNotContain(",=HYPERLINK");
        text.ShouldContain("Róisín,Yes,Getting here");
        (await app.AuditEntriesAsync(ExportModel.AuditAction)).ShouldContain(e => e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id);

        var other = await SignedInStaffAsync();
        var batchPage = await UploadAndCheckAsync(other, text[1..]);
        (await ConfirmAsync(other, batchPage)).Dispose();
        var batch = await WaitAsync(other.Organisation, Guid.Parse(batchPage.Split('/')[^1]));

        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        var texts = await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Select(c => c.Text).ToListAsync());
        texts.ShouldBe(["=HYPERLINK(\"http://evil.example\")", "- more buses\nand \"later\" ones, please", "Me too"], ignoreOrder: true);
        (await app.InOrganisationAsync(other.Organisation, db => db.People.Select(p => p.Name).ToListAsync())).ShouldBe(["Róisín"]);
        (await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Where(c => c.Kind == ContributionKind.Need).CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task AnotherOrganisationsImportsAndExport_AreNotFound()
    {
        var staff = await SignedInStaffAsync();
        var other = await SignedInStaffAsync();
        var theirs = await UploadAndCheckAsync(other, Header + "Private to them,Idea,,,,,\r\n");
        var theirBatch = theirs.Split('/')[^1];

        using var batch = await staff.Client.GetAsync(new Uri($"/o/{staff.Organisation.Slug}/voice/import/{theirBatch}", UriKind.Relative));
        using var export = await staff.Client.GetAsync(new Uri($"/o/{other.Organisation.Slug}/voice/export", UriKind.Relative));
        using var import = await staff.Client.GetAsync(new Uri($"/o/{other.Organisation.Slug}/voice/import", UriKind.Relative));
        var page = await staff.Client.GetPageAsync(staff.Import);
        using var confirm = await staff.Client.PostFormAsync($"/o/{staff.Organisation.Slug}/voice/import/{theirBatch}?handler=Import",
            [new(Html.AntiforgeryField, page.AntiforgeryToken())]);

        batch.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        export.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        import.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        confirm.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await BatchAsync(other.Organisation, Guid.Parse(theirBatch))).Status.ShouldBe(ImportStatus.Checked);
    }

    [Theory]
    [InlineData("/voice/import")]
    [InlineData("/voice/import/template")]
    [InlineData("/voice/export")]
    public async Task Partner_IsRefused(string path)
    {
        var (organisation, partner) = await app.CreateMemberAsync(OrganisationRole.Partner);
        using var client = app.CreateBrowser();
        await client.SignInAsync(partner);

        using var response = await client.GetAsync(new Uri($"/o/{organisation.Slug}{path}", UriKind.Relative));

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            new Uri(WithUsFactory.SiteAddress, response.Location()).AbsolutePath.ShouldBe("/error/403");
        }

        (await app.AuditEntriesAsync(ExportModel.AuditAction)).ShouldNotContain(e => e.OrganisationId == organisation.Id);
    }

    [Fact]
    public async Task Template_HasTheColumnsAndCanBeImportedAsItIs()
    {
        var staff = await SignedInStaffAsync();

        using var template = await staff.Client.GetAsync(new Uri(staff.Import + "/template", UriKind.Relative));
        var text = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync());
        var batch = await WaitAsync(staff.Organisation, Guid.Parse((await UploadAndCheckAsync(staff, text[1..])).Split('/')[^1]));

        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldStartWith("\uFEFFWhat was said,Kind,Channel,Date said,");
        batch.ErrorCount.ShouldBe(0, batch.ErrorsJson);
        batch.TotalRows.ShouldBe(1);
    }

    public sealed class OnSqlite(SqliteWithUsFactory app) : ImportTests(app), IClassFixture<SqliteWithUsFactory>;

    public sealed class OnPostgres(PostgresWithUsFactory app) : ImportTests(app), IClassFixture<PostgresWithUsFactory>;
}
