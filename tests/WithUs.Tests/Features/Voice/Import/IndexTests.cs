using System.Text;
using WithUs.Web.Features.Voice.Import;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>Voice/Import/Index: choosing a file to upload, and who may.</summary>
public sealed class IndexTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    public static TheoryData<string, string> BadUploads => new()
    {
        { "empty", "The file is empty" },
        { "png", "The file is not a CSV file" },
        { "name", "The file must be a CSV file" },
        { "columns", "The first row has no 'What was said' column" },
        { "big", "The file is larger than 20 MB" },
    };

    [DatabaseTheory]
    [MemberData(nameof(BadUploads))]
    public async Task BadUpload_Answers400WithAClearMessage_AndSavesNothing(string kind, string message)
    {
        using var staff = await app.SignedInAsync();
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
        (await CountAsync<ImportBatch>(app, staff.Organisation)).ShouldBe(0);
    }

    [DatabaseFact]
    public async Task Page_ExplainsEveryColumnAnExportHas()
    {
        using var staff = await app.SignedInAsync();

        var page = await staff.Client.GetPageAsync(staff.Import);

        var explained = page.QuerySelectorAll("main tbody th").Select(th => th.TextContent.Replace(" (required)", "", StringComparison.Ordinal)).ToList();
        explained.ShouldBe(ExportModel.Columns.Except(ImportColumns.ExportOnly), ignoreOrder: true);
        explained.ShouldContain(ImportColumns.PublicOutcome);
    }

    [DatabaseFact]
    public async Task NoFileChosen_Answers400()
    {
        using var staff = await app.SignedInAsync();
        var page = await staff.Client.GetPageAsync(staff.Import);
        using var form = new MultipartFormDataContent { { new StringContent(page.AntiforgeryToken()), Html.AntiforgeryField } };

        using var response = await staff.Client.PostAsync(new Uri(staff.Import, UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadHtmlAsync()).ErrorSummary().ShouldBe(["Choose a CSV file to upload"]);
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsImportsAndExport_AreNotFound()
    {
        using var staff = await app.SignedInAsync();
        using var other = await app.SignedInAsync();
        var theirs = await UploadAndCheckAsync(app, other, Header + "Private to them,Idea,,,,,\r\n");
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
        (await BatchAsync(app, other.Organisation, Guid.Parse(theirBatch))).Status.ShouldBe(ImportStatus.Checked);
    }

    [DatabaseTheory]
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
}
