using CsvHelper;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.Import;
using static WithUs.Tests.Features.Voice.Import.ImportSteps;

namespace WithUs.Tests.Features.Voice;

/// <summary>Voice/Export, imported again: every column comes back, nothing is duplicated, another organisation's Ids never match.</summary>
public sealed class ExportRoundTripTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task ExportImportedIntoTheSameOrganisation_UpdatesEveryRowById_ChangesNothing_AndExportsTheSameFile()
    {
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        var first = await ExportAsync(staff);
        var before = await SnapshotAsync(staff.Organisation);

        var batchPage = await UploadAndCheckAsync(app, staff, first);
        var preview = await staff.Client.GetPageAsync(batchPage);
        (await ConfirmAsync(staff, batchPage)).Dispose();
        var batch = await WaitAsync(app, staff.Organisation, Guid.Parse(batchPage.Split('/')[^1]));
        var second = await ExportAsync(staff);

        preview.QuerySelector("main")!.TextContent.ShouldContain($"{scene.Count} rows update contributions we have, matched by their Id");
        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        (await SnapshotAsync(staff.Organisation)).ShouldBe(before, "nothing is added, duplicated or changed");
        second.ShouldBe(first);
        var table = Parse(first);
        foreach (var column in ExportModel.Columns)
        {
            table.Skip(1).ShouldContain(r => r[Column(column)].Length > 0, $"the scene fills '{column}', so the test proves it comes back");
        }

        (await staff.Client.GetPageAsync(batchPage)).QuerySelector(".govuk-panel__title")!.TextContent
            .ShouldBe($"Updated {scene.Count} contributions");
        (await app.AuditEntriesAsync(VoiceImporter.AuditAction)).ShouldContain(e =>
            e.OrganisationId == staff.Organisation.Id && e.Details!.StartsWith($"0 contributions added and {scene.Count} updated", StringComparison.Ordinal));
    }

    [DatabaseFact]
    public async Task ExportVoices_AreWhatTheVoicePagesShow()
    {
        using var staff = await app.SignedInAsync();
        await SceneAsync(staff.Organisation);

        var table = Parse(await ExportAsync(staff));

        var id = Column(ImportColumns.Id);
        var voices = Column("Voices");
        foreach (var row in table.Skip(1))
        {
            var page = await staff.Client.GetPageAsync($"/o/{staff.Organisation.Slug}/voice/{row[id]}");
            page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain($"Voices ({row[voices]})");
        }

        table.Skip(1).Select(r => r[voices]).ShouldContain("3", "the idea with a person twice, another person and someone anonymous");
    }

    [DatabaseFact]
    public async Task AnotherOrganisationsExport_IsAddedAsNew_WithItsLinksKept_AndNeverTouchesTheOther()
    {
        using var owner = await app.SignedInAsync();
        var scene = await SceneAsync(owner.Organisation);
        var file = await ExportAsync(owner);
        var ownerBefore = await SnapshotAsync(owner.Organisation);
        using var other = await app.SignedInAsync();

        var batchPage = await UploadAndCheckAsync(app, other, file);
        var preview = await other.Client.GetPageAsync(batchPage);
        (await ConfirmAsync(other, batchPage)).Dispose();
        var batch = await WaitAsync(app, other.Organisation, Guid.Parse(batchPage.Split('/')[^1]));

        preview.QuerySelector("main")!.TextContent.ShouldContain($"{scene.Count} rows have an Id we do not have here");
        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        (await SnapshotAsync(owner.Organisation)).ShouldBe(ownerBefore);
        var copied = await app.InOrganisationAsync(other.Organisation, db => db.Contributions.AsNoTracking().ToListAsync());
        copied.Count.ShouldBe(scene.Count);
        copied.ShouldAllBe(c => c.Id != scene.Idea.Id && c.Id != scene.Anonymous.Id, "another organisation's Id is never reused");
        var idea = copied.Single(c => c.Text == scene.Idea.Text);
        copied.Count(c => c.LinkedToId == idea.Id).ShouldBe(3, "the \"me too\" links point at the copies");
        idea.PublicSummary.ShouldBe(scene.Idea.PublicSummary);
        idea.PublicOutcome.ShouldBe(scene.Idea.PublicOutcome, "what the public read under \"We did\" comes with it");
        idea.OutcomeExplanation.ShouldBe(scene.Idea.OutcomeExplanation);
        var secondCopy = Parse(await ExportAsync(other));
        secondCopy.Skip(1).Select(r => r[Column("Voices")]).Order()
            .ShouldBe(Parse(file).Skip(1).Select(r => r[Column("Voices")]).Order());
    }

    [DatabaseFact]
    public async Task EditedExport_UpdatesWhatChanged_AddsRowsWithoutAnId_AndLeavesOutColumnsAlone()
    {
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        var idea = scene.Idea.Id.ToString();
        var csv = "Id,What was said,Kind,Adds voice to\r\n"
                  + $"{scene.Anonymous.Id},A warmer hall in the mornings,Concern,{idea}\r\n"
                  + $",Someone new says;=so too,Idea,{idea}\r\n";

        var batch = await ImportAsync(app, staff, csv);

        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().ToListAsync());
        saved.Count.ShouldBe(scene.Count + 1);
        var edited = saved.Single(c => c.Id == scene.Anonymous.Id);
        edited.Text.ShouldBe("A warmer hall in the mornings");
        edited.Kind.ShouldBe(ContributionKind.Concern);
        edited.LinkedToId.ShouldBe(scene.Idea.Id);
        edited.Channel.ShouldBe(scene.Anonymous.Channel, "a column left out leaves that detail as it was");
        edited.Outcome.ShouldBe(scene.Anonymous.Outcome);
        edited.Source.ShouldBe(scene.Anonymous.Source);
        saved.Single(c => c.Text == "Someone new says;=so too").LinkedToId.ShouldBe(scene.Idea.Id);
    }

    [DatabaseFact]
    public async Task AnUpdatedRow_CanAddItsVoiceToANewRowEarlierInTheFile()
    {
        // New rows are written in bulk after the chunk's updates are saved: the update's link must wait for its idea.
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        var fileId = Guid.NewGuid();
        var csv = "Id,What was said,Kind,Adds voice to\r\n"
                  + $"{fileId},A new idea from the spreadsheet,Idea,\r\n"
                  + $"{scene.Anonymous.Id},A warmer hall in the mornings,Concern,{fileId}\r\n";

        var batch = await ImportAsync(app, staff, csv);

        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        var saved = await app.InOrganisationAsync(staff.Organisation, db => db.Contributions.AsNoTracking().ToListAsync());
        var added = saved.Single(c => c.Text == "A new idea from the spreadsheet");
        saved.Single(c => c.Id == scene.Anonymous.Id).LinkedToId.ShouldBe(added.Id);
    }

    [DatabaseFact]
    public async Task ExportFromBeforeThePublicOutcomeColumn_StillImports_AndKeepsWhatThePublicRead()
    {
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        var before = await SnapshotAsync(staff.Organisation);
        var older = WithoutColumn(Parse(await ExportAsync(staff)), ImportColumns.PublicOutcome);
        using var other = await app.SignedInAsync();

        var same = await ImportAsync(app, staff, older);
        var elsewhere = await ImportAsync(app, other, older);

        same.Status.ShouldBe(ImportStatus.Imported, same.Message);
        (await SnapshotAsync(staff.Organisation)).ShouldBe(before, "a file without the column leaves the public wording as it is");
        elsewhere.Status.ShouldBe(ImportStatus.Imported, elsewhere.Message);
        var copy = await app.InOrganisationAsync(other.Organisation, db => db.Contributions.AsNoTracking().SingleAsync(c => c.Text == scene.Idea.Text));
        copy.IsPublished.ShouldBeTrue();
        copy.PublicSummary.ShouldBe(scene.Idea.PublicSummary);
        copy.PublicOutcome.ShouldBeNull("a new contribution from an older file has no public wording of what was done");
    }

    [DatabaseFact]
    public async Task ContactColumnsWithoutTheDetailColumns_ChangeTheChoice_AndKeepTheAddressAndNumber()
    {
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        var csv = "Id,What was said,May we contact them,Contact by\r\n"
                  + $"{scene.Idea.Id},\"{scene.Idea.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",Yes,Email\r\n"
                  + $"{scene.MeToo.Id},{scene.MeToo.Text},Yes,Phone call\r\n";

        var batch = await ImportAsync(app, staff, csv);

        batch.Status.ShouldBe(ImportStatus.Imported, batch.Message);
        var people = await app.InOrganisationAsync(staff.Organisation, db => db.People.AsNoTracking().ToDictionaryAsync(p => p.Name));
        people.Count.ShouldBe(3, "each row keeps its person");
        people["Pat"].Email.ShouldBe("pat@example.org");
        people["Sam O'Neill"].ContactBy.ShouldBe(ContactMethod.Phone);
        people["Sam O'Neill"].Phone.ShouldBe("+44 7700 900123");
    }

    [DatabaseFact]
    public async Task BrokenLinksAndRepeatedIds_AreNamedByRow_AndNothingIsImported()
    {
        using var staff = await app.SignedInAsync();
        var scene = await SceneAsync(staff.Organisation);
        using var theirs = await app.SignedInAsync();
        var foreign = await app.CreateContributionAsync(theirs.Organisation, "Not yours");
        var csv = "Id,What was said,Adds voice to,May we contact them,Name\r\n"
                  + $"{scene.Idea.Id},Same twice,,,\r\n"
                  + $"{scene.Idea.Id},Same twice,,,\r\n"
                  + $",Linked to another organisation's idea,{foreign.Id},,\r\n"
                  + $"{scene.MeToo.Id},Adds to itself,{scene.MeToo.Id},,\r\n"
                  + $",Contact without a name,,Yes,\r\n";

        var page = await staff.Client.GetPageAsync(await UploadAndCheckAsync(app, staff, csv));
        var errors = page.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ToList();

        errors.ShouldContain(e => e.StartsWith("Row 5: 'Adds voice to' is the row's own Id", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith("Row 6: 'May we contact them' is Yes but there is no name", StringComparison.Ordinal));

        var fixedRows = "Id,What was said,Adds voice to,May we contact them,Contact by\r\n"
                        + $"{scene.Idea.Id},Same twice,,,\r\n"
                        + $"{scene.Idea.Id},Same twice,,,\r\n"
                        + $",Linked to another organisation's idea,{foreign.Id},,\r\n"
                        + $",Adds to a me too,{scene.MeToo.Id},,\r\n"
                        + $"{scene.Anonymous.Id},Nobody to contact,,Yes,In person\r\n";
        var second = await staff.Client.GetPageAsync(await UploadAndCheckAsync(app, staff, fixedRows));
        second.QuerySelectorAll("#import-errors li").Select(li => li.TextContent).ShouldBe(
        [
            "Row 3: the Id is the same as row 2's. Each contribution can appear only once",
            "Row 4: 'Adds voice to' is an Id we do not have here and that is not in the file. Check it, or leave it blank",
            "Row 5: it adds its voice to a contribution that adds its own voice to another idea. Add it to that idea instead",
            "Row 6: 'May we contact them' is Yes but there is no name. We can only contact someone whose name we keep",
        ]);
        (await app.InOrganisationAsync(theirs.Organisation, db => db.Contributions.AsNoTracking().SingleAsync())).Text.ShouldBe("Not yours");
    }

    private sealed record Scene(Contribution Idea, Contribution MeToo, Contribution Anonymous, int Count);

    /// <summary>One organisation with every kind of data an export carries.</summary>
    private async Task<Scene> SceneAsync(TestOrganisation organisation)
    {
        var pat = await app.CreatePersonAsync(organisation, "Pat", mayContact: true, contactBy: ContactMethod.Email, email: "pat@example.org");
        var sam = await app.CreatePersonAsync(organisation, "Sam O'Neill", mayContact: true, contactBy: ContactMethod.TextMessage, phone: "+44 7700 900123");
        var ann = await app.CreatePersonAsync(organisation, "=Ann;@her", mayContact: false);
        var getting = await app.CreateThemeAsync(organisation, "Getting here");
        var food = await app.CreateThemeAsync(organisation, "-Food, drink");
        var day = DateTime.UtcNow.Date.AddDays(-20);
        var idea = await app.CreateContributionAsync(organisation, "Pat;=1+1;@SUM(2+2)\nA second line, \"quoted\"", c =>
        {
            c.PersonId = pat.Id;
            c.Kind = ContributionKind.Need;
            c.Channel = Channel.DropIn;
            c.SaidOnUtc = day;
            c.Outcome = OutcomeStatus.Done;
            c.OutcomeExplanation = "+ We moved the stop\tnearer";
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-10);
            c.ToldAtUtc = DateTime.UtcNow.AddDays(-5);
            c.ToldHow = TellingMethod.Email;
            c.ToldOutcome = OutcomeStatus.Planned;
            c.ToldNote = "@Pat said thanks";
            c.IsPublished = true;
            c.PublicSummary = "People asked for a bus stop nearer the hall | soon";
            c.PublicOutcome = "=The council moved the stop;@SUM(1)\nIt is by the hall door now";
            c.PublishedAtUtc = DateTime.UtcNow.AddDays(-4);
        });
        await app.AddThemeAsync(organisation, idea.Id, getting.Id);
        await app.AddThemeAsync(organisation, idea.Id, food.Id);
        var meToo = await app.CreateContributionAsync(organisation, "Me too", c =>
        {
            c.PersonId = sam.Id;
            c.LinkedToId = idea.Id;
            c.SaidOnUtc = day.AddDays(1);
            c.ToldAtUtc = DateTime.UtcNow.AddDays(-3);
            c.ToldHow = TellingMethod.TextMessage;
            c.ToldOutcome = OutcomeStatus.Done;
        });
        await app.CreateContributionAsync(organisation, "", c =>
        {
            c.LinkedToId = idea.Id;
            c.Channel = Channel.OnlineForm;
            c.Source = ContributionSource.PublicForm;
        });
        await app.CreateContributionAsync(organisation, "Again from me", c =>
        {
            c.PersonId = pat.Id;
            c.LinkedToId = idea.Id;
        });
        await app.CreateContributionAsync(organisation, "The hall is cold", c =>
        {
            c.PersonId = ann.Id;
            c.Kind = ContributionKind.Concern;
            c.Provenance = Provenance.OnTheirBehalf;
            c.RelayedBy = "Her support worker, Jo";
            c.Outcome = OutcomeStatus.NotPossible;
            c.NotPossibleReason = NotPossibleReason.NotAffordableNow;
            c.OutcomeExplanation = "The heating costs too much";
            c.OutcomeAtUtc = DateTime.UtcNow.AddDays(-1);
        });
        var anonymous = await app.CreateContributionAsync(organisation, "Nowhere to sit", c => c.Kind = ContributionKind.Idea);
        return new Scene(idea, meToo, anonymous, 6);
    }

    private static int Column(string name) => ExportModel.Columns.ToList().IndexOf(name);

    private static List<string[]> Parse(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false, Mode = CsvMode.Rfc4180 });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        rows.ShouldAllBe(r => r.Length == ExportModel.Columns.Count);
        return rows;
    }

    /// <summary>The file as an export made before <paramref name="column"/> existed would have it.</summary>
    private static string WithoutColumn(List<string[]> table, string column)
    {
        var at = Column(column);
        return string.Concat(table.Select(row => string.Join(",", row.Where((_, i) => i != at)
            .Select(cell => "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n"));
    }

    /// <summary>Every stored detail of the organisation's contributions, people and themes, one line each.</summary>
    private Task<List<string>> SnapshotAsync(TestOrganisation organisation) =>
        app.InOrganisationAsync(organisation, async db =>
        {
            var lines = (await db.Contributions.AsNoTracking().Include(c => c.Themes).ToListAsync()).Select(c => string.Join("¦",
                c.Id, c.Text, c.Kind, c.Channel, c.SaidOnUtc.Ticks, c.Provenance, c.RelayedBy, c.PersonId, c.Source, c.RecordedByUserId,
                c.LinkedToId, c.Outcome, c.NotPossibleReason, c.OutcomeExplanation, c.OutcomeAtUtc?.Ticks, c.ToldAtUtc?.Ticks, c.ToldHow,
                c.ToldOutcome, c.ToldNote, c.IsPublished, c.PublicSummary, c.PublicOutcome, c.PublishedAtUtc?.Ticks, c.CreatedAtUtc.Ticks, c.TermCount,
                string.Join(",", c.Themes.Select(t => t.ThemeId).Order()))).ToList();
            lines.AddRange((await db.People.AsNoTracking().ToListAsync()).Select(p => string.Join("¦",
                p.Id, p.Name, p.MayContact, p.ContactBy, p.Email, p.Phone, p.ConsentToRecord, p.CreatedAtUtc.Ticks)));
            lines.AddRange(await db.Consents.AsNoTracking().Select(c => "consent¦" + c.Id + "¦" + c.PersonId + "¦" + c.Kind + "¦" + c.Given + "¦" + c.Way + "¦" + c.AtUtc.Ticks).ToListAsync());
            lines.AddRange(await db.Themes.AsNoTracking().Select(t => t.Id + "¦" + t.Name).ToListAsync());
            lines.Add("contribution themes: " + await db.ContributionThemes.CountAsync());
            lines.Sort(StringComparer.Ordinal);
            return lines;
        });
}
