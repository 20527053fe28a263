using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/Index: the way to the spreadsheet import and export.</summary>
public sealed class IndexImportExportLinksTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task VoiceList_LinksToImportAndExport()
    {
        using var staff = await app.SignedInAsync();

        var page = await staff.Client.GetPageAsync($"/o/{staff.Organisation.Slug}/voice");

        page.QuerySelector($"main a[href='{staff.Import}']")!.TextContent.ShouldBe("Import from a spreadsheet");
        page.QuerySelector($"main a[href='/o/{staff.Organisation.Slug}/voice/export']")!.TextContent.ShouldBe("Export to a spreadsheet (CSV)");
    }
}
