using System.Text;

namespace WithUs.BrowserTests.Journeys;

/// <summary>
/// Staff import a spreadsheet from the Voice list: a file with a mistake is refused row by row, the corrected one is
/// previewed and imported, and its export imported again updates the same contributions.
/// </summary>
public sealed class ImportTests(BrowserApp app, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Header = "What was said;Kind;Date said;Name;Consent to keep their name;Themes\r\n";

    private static FilePayload Csv(string name, string content) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(content)],
    };

    /// <summary>The batch page refreshes itself (htmx) until the work is done; then it is loaded again so it is checked too.</summary>
    private static async Task WaitForHeadingAsync(Journey journey, string heading)
    {
        await journey.Page.Locator("h1", new PageLocatorOptions { HasText = heading }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await journey.GotoAsync(journey.Location);
        (await journey.Heading.InnerTextAsync()).ShouldBe(heading);
    }

    [Fact]
    public async Task Staff_upload_a_file_with_a_mistake_see_the_row_named_then_import_the_corrected_file()
    {
        await using var staff = await app.StartJourneyAsync(output, name: "import");
        await Steps.SignInAsync(staff, await Steps.AdministratorOfAsync(app, output));
        await staff.GotoAsync($"/o/{Steps.OrganisationSlug}/voice");
        await staff.FollowAsync("Import from a spreadsheet");
        (await staff.Heading.InnerTextAsync()).ShouldBe("Import what people said");

        await staff.Field("Upload a CSV file").SetInputFilesAsync(Csv("voices.csv", Header
            + "A minibus to the club on Fridays;Need;14/10/2026;Pat W;Yes;Getting here\r\n"
            + "More tea dances;Ideaa;01/11/2026;;;Events\r\n"));
        await staff.SubmitAsync("Upload and check");
        await WaitForHeadingAsync(staff, "Your file needs correcting");
        (await staff.Page.Locator("#import-errors").InnerTextAsync())
            .ShouldBe("Row 3: 'Kind' is 'Ideaa'. Use one of Idea, Need, Feedback, Concern, Praise, Question");
        await staff.ScreenshotAsync("file with a mistake");

        await staff.FollowAsync("Upload a corrected file");
        await staff.Field("Upload a CSV file").SetInputFilesAsync(Csv("voices.csv", Header
            + "A minibus to the club on Fridays;Need;14/10/2026;Pat W;Yes;Getting here\r\n"
            + "More tea dances;Idea;01/11/2026;;;Events\r\n"));
        await staff.SubmitAsync("Upload and check");
        await WaitForHeadingAsync(staff, "Check before you import");
        var preview = await staff.Page.Locator("main table").InnerTextAsync();
        preview.ShouldContain("A minibus to the club on Fridays");
        preview.ShouldContain("Pat W");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("These themes will be created: Getting here, Events.");
        await staff.ScreenshotAsync("preview");

        await staff.SubmitAsync("Import 2 contributions");
        await WaitForHeadingAsync(staff, "Import complete");
        (await staff.Page.Locator(".govuk-panel__title").InnerTextAsync()).ShouldBe("Imported 2 contributions");
        await staff.ScreenshotAsync("imported");

        // The import page lists it, and the export has both.
        await staff.FollowAsync("Back to import");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("imported 2 contributions");
        var download = await staff.Page.RunAndWaitForDownloadAsync(() => staff.Link("Download everything people have said here (CSV)").ClickAsync());
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
        exported.ShouldContain(",A minibus to the club on Fridays,Need,Other,2026-10-14,First-hand,,Pat W,Yes,No,,,,Getting here,,New,");
        exported.ShouldContain("More tea dances");

        // Imported again, the export updates the same two contributions instead of adding two more.
        await staff.Field("Upload a CSV file").SetInputFilesAsync(new FilePayload
        {
            Name = "export.csv",
            MimeType = "text/csv",
            Buffer = await File.ReadAllBytesAsync((await download.PathAsync())!),
        });
        await staff.SubmitAsync("Upload and check");
        await WaitForHeadingAsync(staff, "Check before you import");
        (await staff.Page.Locator("main").InnerTextAsync()).ShouldContain("2 rows update contributions we have, matched by their Id.");
        await staff.SubmitAsync("Import 2 contributions");
        await WaitForHeadingAsync(staff, "Import complete");
        (await staff.Page.Locator(".govuk-panel__title").InnerTextAsync()).ShouldBe("Updated 2 contributions");
        await staff.FollowAsync("See what people said");
        (await staff.Page.Locator(".withus-voice-list__item").CountAsync()).ShouldBe(2);
    }
}
