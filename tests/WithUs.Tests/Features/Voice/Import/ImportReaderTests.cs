using System.Text;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.Import;

namespace WithUs.Tests.Features.Voice.Import;

/// <summary>How files saved by spreadsheets are read, row by row; no database needed.</summary>
public sealed class ImportReaderTests
{
    private static readonly DateTime Today = new(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private static List<RowResult> Read(string csv, out ImportReader reader) => Read(Encoding.UTF8.GetBytes(csv), out reader);

    private static List<RowResult> Read(byte[] bytes, out ImportReader reader)
    {
        reader = ImportReader.Open(bytes, Today);
        return [.. reader.Rows()];
    }

    private static List<string> Errors(string csv) => [.. Read(csv, out var reader).SelectMany(r => r.Errors).Prepend(reader.FileError).OfType<string>()];

    [Fact]
    public void CommaFile_WithEveryColumn_ReadsAsItWillBeSaved()
    {
        var rows = Read("""
            What was said,Kind,Channel,Date said,Said first-hand or on their behalf,Relayed by,Name,Consent to keep their name,Themes,Outcome,Reason not possible,Outcome explanation
            The bus stops before the hall,need,drop-in,14/10/2026,On their behalf,Her support worker,Pat W,yes,Transport | Getting here,Not possible,Outside what we can change,The council runs the buses
            """, out var reader);

        reader.FileError.ShouldBeNull();
        reader.Delimiter.ShouldBe(',');
        var row = rows.ShouldHaveSingleItem().Row.ShouldNotBeNull();
        row.RowNumber.ShouldBe(2);
        row.Text.ShouldBe("The bus stops before the hall");
        row.Kind.ShouldBe(ContributionKind.Need);
        row.Channel.ShouldBe(Channel.DropIn);
        row.SaidOnUtc.ShouldBe(new DateTime(2026, 10, 14, 0, 0, 0, DateTimeKind.Utc));
        row.Provenance.ShouldBe(Provenance.OnTheirBehalf);
        row.RelayedBy.ShouldBe("Her support worker");
        row.Name.ShouldBe("Pat W");
        row.Themes.ShouldBe(["Transport", "Getting here"]);
        row.Outcome.ShouldBe(OutcomeStatus.NotPossible);
        row.NotPossibleReason.ShouldBe(NotPossibleReason.OutsideWhatWeCanChange);
        row.OutcomeExplanation.ShouldBe("The council runs the buses");
    }

    [Fact]
    public void SemicolonFile_WithBomAndCrLf_AndFriendlyHeaderNames_IsRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("TEXT;type;date\r\nMore tea dances;Idea;2026-11-01\r\nA ramp;Need;\r\n")).ToArray();

        var rows = Read(bytes, out var reader);

        reader.Delimiter.ShouldBe(';');
        rows.Select(r => r.Row!.Text).ShouldBe(["More tea dances", "A ramp"]);
        rows[1].Row!.SaidOnUtc.ShouldBe(Today, "a blank date is the day of the import");
        rows[1].Row!.Channel.ShouldBe(Channel.Other);
    }

    [Fact]
    public void Windows1252File_FromExcel_KeepsPoundSignsAndAccents()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("What was said,Name,Consent\r\n\"Café trips cost £5, too much\",Zoë,Yes\r\n");

        var row = Read(bytes, out _).ShouldHaveSingleItem().Row.ShouldNotBeNull();

        row.Text.ShouldBe("Café trips cost £5, too much");
        row.Name.ShouldBe("Zoë");
    }

    [Fact]
    public void QuotedCells_KeepTheirLineBreaksAndDelimiters_AndRowNumbersFollowTheSpreadsheet()
    {
        var rows = Read("What was said,Kind\n\"First line\nsecond line, with a comma\",Idea\n\"She said \"\"more\"\"\",Praise\n", out _);

        rows.Select(r => r.RowNumber).ShouldBe([2, 3]);
        rows[0].Row!.Text.ShouldBe("First line\nsecond line, with a comma");
        rows[1].Row!.Text.ShouldBe("She said \"more\"");
    }

    [Fact]
    public void BrokenQuoting_NamesTheRow()
    {
        Errors("What was said,Kind\nFine,Idea\n\"Never closed,Idea\nAnother,Idea\n")
            .ShouldContain(e => e.StartsWith("Row 3: the quotes are not closed", StringComparison.Ordinal));
        Errors("What was said,Kind\nFine,Idea\nA stray \"quote\" here,Idea\n")
            .ShouldContain(e => e.StartsWith("Row 3: a quote mark is in the wrong place", StringComparison.Ordinal));
    }

    [Fact]
    public void AQuoteLeftOpenAtTheTopOfALargeFile_StopsWithAMessage()
    {
        var csv = new StringBuilder("What was said,Kind\n\"Never closed,Idea\n");
        for (var i = 0; i < 30_000; i++)
        {
            csv.Append("A row of ordinary words that goes on,Idea\n");
        }

        var errors = Errors(csv.ToString());

        errors.ShouldHaveSingleItem().ShouldStartWith("Row 2: ");
    }

    [Fact]
    public void BadValues_AreNamedWithTheRowAndTheProblem()
    {
        var errors = Errors($"""
            What was said,Kind,Date said,Name,Consent to keep their name
            Good,Idea,01/01/2026,,
            Typo,Ideaa,,,
            Has a name,Idea,,Pat,
            ,Idea,,,
            Later,Idea,01/01/2099,,
            Not a date,Idea,31/02/2026,,
            {new string('x', 4001)},Idea,,,
            "Bell{'\u0007'}",Idea,,,
            """);

        errors.ShouldBe(
        [
            "Row 3: 'Kind' is 'Ideaa'. Use one of Idea, Need, Feedback, Concern, Praise, Question",
            "Row 4: there is a name but no 'Yes' in 'Consent to keep their name'. We only keep a name when they agreed: write Yes, or leave the name blank",
            "Row 5: 'What was said' is empty. Every row needs what was said",
            "Row 6: 'Date said' is 1 January 2099, which is in the future",
            "Row 7: 'Date said' is '31/02/2026'. Write the date like 31/01/2026 or 2026-01-31",
            "Row 8: 'What was said' is 4,001 characters long. It must be 4,000 characters or fewer",
            "Row 9: 'What was said' has characters that cannot be shown (control characters). Retype it or remove them",
        ]);
    }

    [Fact]
    public void ScriptTagsAndOddUnicode_AreKeptAsText()
    {
        var row = Read("What was said\n<script>alert(1)</script> 👍🏽 naïve\n", out _).ShouldHaveSingleItem().Row.ShouldNotBeNull();

        row.Text.ShouldBe("<script>alert(1)</script> 👍🏽 naïve");
    }

    [Fact]
    public void FormulaGuard_FromAnExport_IsTakenOff()
    {
        var row = Read("What was said\n'=SUM(A1)\n", out _).ShouldHaveSingleItem().Row.ShouldNotBeNull();

        row.Text.ShouldBe("=SUM(A1)");
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("Kind,Channel\nIdea,Phone\n", "The first row has no 'What was said' column")]
    public void FileProblems_AreReportedForTheWholeFile(string csv, string start)
    {
        Read(csv, out var reader).ShouldBeEmpty();

        reader.FileError.ShouldNotBeNull().ShouldStartWith(start);
    }

    [Fact]
    public void PngBytes_AreNotACsvFile()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

        ImportReader.Open(png, Today).FileError.ShouldNotBeNull().ShouldStartWith("The file is not a CSV file");
    }

    [Fact]
    public void ExtraCells_BeyondTheColumnNames_AreAnError()
    {
        Errors("What was said,Kind\nOne, two,Idea\n")
            .ShouldBe(["Row 2: there are more cells than column names. Check for a comma that should be inside quotes"]);
    }

    [Fact]
    public void ExportColumns_AreReadBack()
    {
        var rows = Read("""
            Id,What was said,Name,Consent to keep their name,May we contact them,Contact by,Email,Phone,Adds voice to,Outcome,Told on,Told how,Outcome they were told,Told note,Published,Public summary,Public outcome,Recorded at,Source,Voices
            019a0000-0000-7000-8000-000000000001,"Pat;'=1+1;'@SUM(2+2)",Pat W,Yes,Yes,Email,pat@example.org,07700 900001,019a0000-0000-7000-8000-000000000002,Done,2026-11-20,Text message,Planned,'+ said thanks,Yes,A bus stop nearer the hall,"'=The stop; '-moved",2026-11-01 10:00,Import,3
            """, out var reader);

        reader.IgnoredColumns.ShouldBeEmpty("the columns we work out are skipped without complaint");
        reader.Has(ImportColumns.ToldNote).ShouldBeTrue();
        reader.Has(ImportColumns.Kind).ShouldBeFalse();
        var row = rows.ShouldHaveSingleItem().Row.ShouldNotBeNull();
        row.Id.ShouldBe(Guid.Parse("019a0000-0000-7000-8000-000000000001"));
        row.Text.ShouldBe("Pat;=1+1;@SUM(2+2)");
        row.Contact.ShouldBe(new ContactChoice(true, Web.Features.People.ContactMethod.Email, "pat@example.org", null), "only the detail for the way they chose is kept");
        row.LinkedTo.ShouldBe(Guid.Parse("019a0000-0000-7000-8000-000000000002"));
        row.ToldOn.ShouldBe(new DateOnly(2026, 11, 20));
        row.ToldHow.ShouldBe(TellingMethod.TextMessage);
        row.ToldOutcome.ShouldBe(OutcomeStatus.Planned);
        row.ToldNote.ShouldBe("+ said thanks");
        row.Published.ShouldBeTrue();
        row.PublicSummary.ShouldBe("A bus stop nearer the hall");
        row.PublicOutcome.ShouldBe("=The stop; -moved");
    }

    [Fact]
    public void PublicOutcome_LongerThanThePublicPageTakes_IsAnError()
    {
        Errors($"What was said,Public outcome\nOne,{new string('x', 1001)}\nTwo,We did\n")
            .ShouldBe(["Row 2: 'Public outcome' is 1,001 characters long. It must be 1,000 characters or fewer"]);
    }

    [Fact]
    public void MeTooWithoutWords_IsRead_ButAnIdeaNeedsThem()
    {
        var rows = Read("What was said,Kind,Adds voice to\r\n,,019a0000-0000-7000-8000-000000000002\r\n,Idea,\r\n", out _);

        rows[0].Row.ShouldNotBeNull().Text.ShouldBe("");
        rows[1].Errors.ShouldBe(["Row 3: 'What was said' is empty. Every row needs what was said"]);
    }

    [Fact]
    public void ExportColumnsWithMistakes_NameTheRowAndTheColumn()
    {
        var errors = Errors("""
            Id,What was said,Name,Consent to keep their name,May we contact them,Contact by,Email,Adds voice to,Told on,Told how,Published,Public summary
            not-an-id,One,,,,,,,,,,
            019a0000-0000-7000-8000-000000000001,Two,,,,,,019a0000-0000-7000-8000-000000000001,,,,
            ,Three,,,Yes,,,,,,,
            ,Four,Pat,Yes,Yes,,,,,,,
            ,Five,Pat,Yes,Yes,Email,not an address,,,,,
            ,Six,,,,,,,,Phone,,
            ,Seven,,,,,,,2099-01-01,,,
            ,Eight,,,,,,,,,Yes,
            ,Nine,,,,,,,,,Maybe,
            """);

        errors.ShouldBe(
        [
            "Row 2: 'Id' is 'not-an-id', which is not an Id from an export. Leave it blank for a new contribution",
            "Row 3: 'Adds voice to' is the row's own Id. A contribution cannot add its voice to itself",
            "Row 4: 'May we contact them' is Yes but there is no name. We can only contact someone whose name we keep",
            "Row 5: 'May we contact them' is Yes but 'Contact by' is empty. Say how they would like to be contacted",
            "Row 6: they chose email but 'Email' is not an email address like name@example.org",
            "Row 7: how they were told is filled in but 'Told on' is empty. Write the day they were told, or clear the other 'told' cells",
            "Row 8: 'Told on' is 1 January 2099, which is in the future",
            "Row 9: 'Published' is Yes but 'Public summary' is empty. Write a short summary to publish, or write No",
            "Row 10: 'Published' is 'Maybe'. Write Yes or No",
        ]);
    }
}
