using System.Net.Http.Headers;
using System.Text;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>Uploading a file and waiting for its check, for the import and export page tests.</summary>
internal static class ImportSteps
{
    internal const string Header = "What was said,Kind,Channel,Date said,Name,Consent to keep their name,Themes\r\n";

    extension(SignedIn staff)
    {
        internal string Import => $"{staff.Org}/voice/import";
    }

    internal static async Task<HttpResponseMessage> UploadAsync(SignedIn staff, byte[] bytes, string fileName = "contributions.csv")
    {
        var page = await staff.Client.GetPageAsync(staff.Import);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.AntiforgeryToken()), Html.AntiforgeryField);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await staff.Client.PostAsync(new Uri(staff.Import, UriKind.Relative), form);
    }

    internal static Task<HttpResponseMessage> UploadAsync(SignedIn staff, string csv) => UploadAsync(staff, Encoding.UTF8.GetBytes(csv));

    /// <summary>Uploads a file, waits for its check and returns the batch page's address.</summary>
    internal static async Task<string> UploadAndCheckAsync(WithUsFactory app, SignedIn staff, string csv)
    {
        using var response = await UploadAsync(staff, csv);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Location();
        await WaitAsync(app, staff.Organisation, Guid.Parse(location.Split('/')[^1]));
        return location;
    }

    internal static Task<ImportBatch> BatchAsync(WithUsFactory app, TestOrganisation organisation, Guid id) =>
        app.InOrganisationAsync(organisation, db => db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == id));

    internal static Task<ImportBatch> WaitAsync(WithUsFactory app, TestOrganisation organisation, Guid id) =>
        Eventually.FoundAsync(async () => await BatchAsync(app, organisation, id) is { Status: not (ImportStatus.Checking or ImportStatus.Importing) } done ? done : null,
            "the import to be checked or imported", TimeSpan.FromSeconds(60));

    internal static async Task<HttpResponseMessage> ConfirmAsync(SignedIn staff, string batchPage)
    {
        var page = await staff.Client.GetPageAsync(batchPage);
        return await staff.Client.SubmitAsync(page, batchPage, new Dictionary<string, string>());
    }

    /// <summary>Uploads a file, confirms it once checked, and waits for the import to finish.</summary>
    internal static async Task<ImportBatch> ImportAsync(WithUsFactory app, SignedIn staff, string csv)
    {
        var batchPage = await UploadAndCheckAsync(app, staff, csv);
        (await ConfirmAsync(staff, batchPage)).Dispose();
        return await WaitAsync(app, staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
    }

    /// <summary>The organisation's export, without its byte order mark.</summary>
    internal static async Task<string> ExportAsync(SignedIn staff)
    {
        using var export = await staff.Client.GetAsync(new Uri($"/o/{staff.Organisation.Slug}/voice/export", UriKind.Relative));
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync())[1..];
    }

    internal static Task<int> CountAsync<T>(WithUsFactory app, TestOrganisation organisation)
        where T : class =>
        app.InOrganisationAsync(organisation, db => db.Set<T>().CountAsync());
}
