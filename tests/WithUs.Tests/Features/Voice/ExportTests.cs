using System.Text;
using WithUs.Web.Features.Voice.Import;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/Export: what was said as a file, which imports elsewhere as it was.</summary>
public sealed class ExportTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task Export_ThenImportElsewhere_GivesTheSameTexts_AndGuardsAgainstFormulas()
    {
        using var staff = await app.SignedInAsync();
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
        text.ShouldContain("Róisín,Yes,No,,,,Getting here");
        (await app.AuditEntriesAsync(ExportModel.AuditAction)).ShouldContain(e => e.OrganisationId == staff.Organisation.Id && e.ActorUserId == staff.User.Id);

        using var other = await app.SignedInAsync();
        var batchPage = await UploadAndCheckAsync(app, other, text[1..]);
        (await ConfirmAsync(other, batchPage)).Dispose();
        var batch = await WaitAsync(app, other.Organisation, Guid.Parse(batchPage.Split('/')[^1]));

        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        var texts = await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Select(c => c.Text).ToListAsync());
        texts.ShouldBe(["=HYPERLINK(\"http://evil.example\")", "- more buses\nand \"later\" ones, please", "Me too"], ignoreOrder: true);
        (await app.InOrganisationAsync(other.Organisation, db => db.People.Select(p => p.Name).ToListAsync())).ShouldBe(["Róisín"]);
        (await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Where(c => c.Kind == ContributionKind.Need).CountAsync())).ShouldBe(1);
    }

    [DatabaseFact]
    public async Task Export_QuotesCellsWithAnySeparator_AndDefusesFormulasAfterEach_AndImportReadsThemBack()
    {
        using var staff = await app.SignedInAsync();
        string[] hostile = ["Pat;=1+1;@SUM(2+2)", "tabs\t=1+1\t-2", "pipes|@cmd|+x", "'=already quoted", "fine, -then a minus"];
        foreach (var text in hostile)
        {
            await app.CreateContributionAsync(staff.Organisation, text, c => c.PublicOutcome = "We did;" + text);
        }

        var csv = await ExportAsync(staff);

        csv.ShouldContain("\"Pat;'=1+1;'@SUM(2+2)\"");
        csv.ShouldContain("\"tabs\t'=1+1\t'-2\"");
        csv.ShouldContain("\"pipes|'@cmd|'+x\"");
        csv.ShouldContain(",''=already quoted,");
        csv.ShouldContain("\"fine, '-then a minus\"");
        csv.ShouldContain("\"We did;Pat;'=1+1;'@SUM(2+2)\"", customMessage: "the public wording of what was done is defused like every other cell");
        using var other = await app.SignedInAsync();
        var batch = await ImportAsync(app, other, csv);
        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        (await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Select(c => c.Text).ToListAsync())).ShouldBe(hostile, ignoreOrder: true);
        (await app.InOrganisationAsync(other.Organisation, db => db.Contributions.Select(c => c.PublicOutcome).ToListAsync()))
            .ShouldBe(hostile.Select(t => "We did;" + t), ignoreOrder: true);
    }
}
