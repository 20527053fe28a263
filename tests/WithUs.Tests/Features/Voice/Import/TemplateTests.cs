using System.Text;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>Voice/Import/Template: the file to fill in.</summary>
public sealed class TemplateTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Template_HasTheColumnsAndCanBeImportedAsItIs()
    {
        using var staff = await app.SignedInAsync();

        using var template = await staff.Client.GetAsync(new Uri(staff.Import + "/template", UriKind.Relative));
        var text = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync());
        var batch = await WaitAsync(app, staff.Organisation, Guid.Parse((await UploadAndCheckAsync(app, staff, text[1..])).Split('/')[^1]));

        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldStartWith("\uFEFFWhat was said,Kind,Channel,Date said,");
        batch.ErrorCount.ShouldBe(0, batch.ErrorsJson);
        batch.TotalRows.ShouldBe(1);
    }
}
