using System.Text;
using CsvHelper;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>One row of the file as it will be saved, or the problems that stop it.</summary>
public sealed record ImportRow(
    int RowNumber,
    string Text,
    ContributionKind Kind,
    Channel Channel,
    DateTime SaidOnUtc,
    Provenance Provenance,
    string? RelayedBy,
    string? Name,
    IReadOnlyList<string> Themes,
    OutcomeStatus Outcome,
    NotPossibleReason? NotPossibleReason,
    string? OutcomeExplanation)
{
    /// <summary>The Id from an export: the contribution this row updates when it is one of ours.</summary>
    public Guid? Id { get; init; }

    /// <summary>The Id of the idea this row adds a voice to.</summary>
    public Guid? LinkedTo { get; init; }

    /// <summary>How the named person may be contacted, when the file says.</summary>
    public ContactChoice Contact { get; init; } = ContactChoice.None;

    public DateOnly? ToldOn { get; init; }

    public TellingMethod? ToldHow { get; init; }

    public OutcomeStatus? ToldOutcome { get; init; }

    public string? ToldNote { get; init; }

    public bool Published { get; init; }

    public string? PublicSummary { get; init; }

    public string? PublicOutcome { get; init; }
}

public sealed record RowResult(int RowNumber, ImportRow? Row, IReadOnlyList<string> Errors);

/// <summary>
/// Reads a CSV file as spreadsheets save it: UTF-8 with or without a byte order mark (or UTF-16 with one), falling
/// back to Windows-1252 (Excel's plain "CSV" on Windows) when the bytes are not UTF-8; commas, semicolons or tabs,
/// whichever the column names are separated by. Row numbers are those a spreadsheet shows: the column names are row 1.
/// </summary>
public sealed class ImportReader
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string content;
    private readonly DateTime today;
    private readonly Dictionary<int, string> columnAt = [];
    private int headerLength;

    private ImportReader(string content, char delimiter, DateTime today)
    {
        this.content = content;
        Delimiter = delimiter;
        this.today = today;
    }

    public char Delimiter { get; }

    /// <summary>A problem with the whole file (empty, not text, no "What was said" column); rows are not read.</summary>
    public string? FileError { get; private set; }

    /// <summary>
    /// Whether the file has this column. A column left out leaves that detail of a contribution it updates as it is;
    /// a column in the file sets it, a blank cell included.
    /// </summary>
    public bool Has(string column) => columnAt.ContainsValue(column);

    /// <summary>Column names in the file that are not ours, ignored.</summary>
    public List<string> IgnoredColumns { get; } = [];

    /// <summary>How far through the file the last row read ends, from 0 to 1, for progress.</summary>
    public double Fraction { get; private set; }

    static ImportReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Opens the file and reads its column names. <paramref name="today"/> is the organisation's local day of the import, as days are stored.</summary>
    public static ImportReader Open(byte[] bytes, DateTime today)
    {
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            return Failed("The file is empty. Choose a CSV file with the column names on the first row and one row for each thing said");
        }

        var text = Decode(bytes);
        if (text is null || LooksBinary(text))
        {
            return Failed("The file is not a CSV file. In your spreadsheet, use 'Save as' and choose 'CSV UTF-8' or 'CSV'");
        }

        var reader = new ImportReader(text, DetectDelimiter(text), today);
        reader.ReadHeader();
        return reader;
    }

    private static ImportReader Failed(string error) => new("", ',', DateTime.MinValue) { FileError = error };

    private static string? Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var encoding = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return encoding.GetString(bytes, 2, bytes.Length - 2);
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return start == 0 ? Encoding.GetEncoding(1252).GetString(bytes) : null;
        }
    }

    /// <summary>Text has no NUL characters and few control characters; images and documents have many.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 8192));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if (char.IsControl(c) && c is not '\r' and not '\n' and not '\t')
            {
                control++;
            }
        }

        return control > sample.Length / 100 + 2;
    }

    /// <summary>Whichever of comma, semicolon and tab separates the column names (outside quotes) most often.</summary>
    private static char DetectDelimiter(string text)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                if (commas + semicolons + tabs > 0)
                {
                    break;
                }
            }
            else if (!quoted)
            {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    private CsvReader CreateReader(Action<CsvMalformedRecord>? onMalformed) =>
        CsvReader.FromText(content, new CsvReaderOptions
        {
            Separator = Delimiter,
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = onMalformed,
        });

    /// <summary>Far more than a row of ours can need; a quote left open at the top of a large file stops here.</summary>
    private const int MaxRecordBytes = 1024 * 1024;

    private void ReadHeader()
    {
        using var reader = CreateReader(null);
        string[] header;
        try
        {
            header = reader.Read() ? Fields(reader) : [];
        }
        catch (CsvFormatException)
        {
            header = [];
        }

        if (header.All(string.IsNullOrWhiteSpace))
        {
            FileError = "The first row must hold the column names, starting with 'What was said'. Download the template to see them";
            return;
        }

        headerLength = header.Length;
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i].Trim();
            if (name.Length == 0)
            {
                continue;
            }

            var column = ImportColumns.Match(name);
            if (column is null)
            {
                if (!ImportColumns.IsExportOnly(name))
                {
                    IgnoredColumns.Add(name.Length > 60 ? name[..60] : name);
                }
            }
            else if (columnAt.ContainsValue(column))
            {
                FileError = $"The column '{column}' appears twice in the first row. Keep one of them";
                return;
            }
            else
            {
                columnAt[i] = column;
            }
        }

        if (!columnAt.ContainsValue(ImportColumns.Text))
        {
            FileError = "The first row has no 'What was said' column. The first row must hold the column names: download the template to see them";
        }
    }

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i);
        }

        return fields;
    }

    /// <summary>Every row after the column names, in order, each either ready to save or with its problems.</summary>
    public IEnumerable<RowResult> Rows()
    {
        if (FileError is not null)
        {
            yield break;
        }

        var malformed = new Dictionary<long, CsvMalformedReason>();
        using var reader = CreateReader(m => malformed.TryAdd(m.RecordNumber, m.Reason));
        var totalBytes = Math.Max(1, Encoding.UTF8.GetByteCount(content));
        var rowNumber = 0;
        while (true)
        {
            string? tooLong = null;
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException)
            {
                more = false;
                tooLong = $"Row {rowNumber + 1}: a cell runs on for more than a megabyte. A cell probably starts with \" and never ends with one";
            }

            if (tooLong is not null)
            {
                yield return new RowResult(rowNumber + 1, null, [tooLong]);
            }

            if (!more)
            {
                break;
            }

            rowNumber++;
            if (rowNumber == 1)
            {
                continue;
            }

            Fraction = Math.Min(1, (double)reader.ByteOffset / totalBytes);
            var record = Fields(reader);
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (malformed.Remove(rowNumber, out var reason))
            {
                yield return new RowResult(rowNumber, null, [reason == CsvMalformedReason.UnterminatedQuote
                    ? $"Row {rowNumber}: the quotes are not closed. A cell starts with \" but never ends with one, so the rest of the file reads as one cell"
                    : $"Row {rowNumber}: a quote mark is in the wrong place. A cell with a \" in it must start and end with \", and each \" inside it must be written twice (\"\")"]);
                continue;
            }

            if (record.Skip(headerLength).Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                yield return new RowResult(rowNumber, null,
                    [$"Row {rowNumber}: there are more cells than column names. Check for a {DelimiterName} that should be inside quotes"]);
                continue;
            }

            yield return ReadRow(rowNumber, record);
        }
    }

    private string DelimiterName => Delimiter switch
    {
        ';' => "semicolon",
        '\t' => "tab",
        _ => "comma",
    };

    private RowResult ReadRow(int row, string[] record)
    {
        var errors = new List<string>();
        string Cell(string column)
        {
            foreach (var (index, name) in columnAt)
            {
                if (name == column)
                {
                    return index < record.Length ? Clean(record[index]) : "";
                }
            }

            return "";
        }

        string? Checked(string column, int max, bool multiline)
        {
            var value = Cell(column);
            if (value.Length == 0)
            {
                return null;
            }

            if (value.Length > max)
            {
                errors.Add($"Row {row}: '{column}' is {value.Length:N0} characters long. It must be {max:N0} characters or fewer");
                return null;
            }

            if (HasControlCharacters(value, multiline))
            {
                errors.Add($"Row {row}: '{column}' has characters that cannot be shown (control characters). Retype it or remove them");
                return null;
            }

            return value;
        }

        var text = Checked(ImportColumns.Text, Contribution.TextMaxLength, multiline: true);
        var meToo = Cell(ImportColumns.LinkedTo).Length > 0;
        if (meToo && Cell(ImportColumns.Text).Length == 0)
        {
            // A "me too" may add no words of its own.
            text = "";
        }
        else if (text is null && Cell(ImportColumns.Text).Length == 0)
        {
            errors.Add($"Row {row}: '{ImportColumns.Text}' is empty. Every row needs what was said");
        }

        var kind = Choice(row, ImportColumns.Kind, Cell(ImportColumns.Kind), ContributionKind.Idea,
            Enum.GetValues<ContributionKind>(), k => [k.DisplayName(), k.ToString()], errors);
        var channel = Choice(row, ImportColumns.Channel, Cell(ImportColumns.Channel), Channel.Other,
            Enum.GetValues<Channel>(), c => [c.DisplayName(), c.ToString()], errors);
        var outcome = Choice(row, ImportColumns.Outcome, Cell(ImportColumns.Outcome), OutcomeStatus.New,
            Enum.GetValues<OutcomeStatus>(), o => [o.DisplayName(), o.ToString()], errors);
        var reasonCell = Cell(ImportColumns.NotPossibleReason);
        NotPossibleReason? reason = null;
        if (outcome == OutcomeStatus.NotPossible)
        {
            reason = Choice(row, ImportColumns.NotPossibleReason, reasonCell, NotPossibleReason.Other,
                Enum.GetValues<NotPossibleReason>(), r => [r.DisplayName(), r.ToString()], errors);
        }
        else if (reasonCell.Length > 0)
        {
            errors.Add($"Row {row}: '{ImportColumns.NotPossibleReason}' is filled in but the outcome is not 'Not possible'");
        }

        var relayedBy = Checked(ImportColumns.RelayedBy, Contribution.RelayedByMaxLength, multiline: false);
        var provenanceCell = Cell(ImportColumns.Provenance);
        var provenance = relayedBy is null ? Provenance.FirstHand : Provenance.OnTheirBehalf;
        if (provenanceCell.Length > 0)
        {
            var key = ImportColumns.Key(provenanceCell);
            if (key.Contains("behalf", StringComparison.Ordinal) || key is "relayed" or "secondhand" or "onbehalf")
            {
                provenance = Provenance.OnTheirBehalf;
            }
            else if (key.Contains("firsthand", StringComparison.Ordinal) || key is "direct" or "themselves")
            {
                provenance = Provenance.FirstHand;
            }
            else
            {
                errors.Add($"Row {row}: '{ImportColumns.Provenance}' is '{Shorten(provenanceCell)}'. Use 'First-hand' or 'On their behalf'");
            }
        }

        var explanation = Checked(ImportColumns.OutcomeExplanation, Contribution.ExplanationMaxLength, multiline: true);
        var name = Checked(ImportColumns.Name, Person.NameMaxLength, multiline: false);
        var consentCell = Cell(ImportColumns.Consent);
        var consent = ImportColumns.Key(consentCell) is "yes" or "y" or "true" or "1" or "agreed" or "consented";
        if (name is not null && !consent)
        {
            errors.Add($"Row {row}: there is a name but no 'Yes' in '{ImportColumns.Consent}'. We only keep a name when they agreed: write Yes, or leave the name blank");
        }

        var saidOnCell = Cell(ImportColumns.SaidOn);
        var saidOn = saidOnCell.Length == 0 ? today : Date(row, ImportColumns.SaidOn, saidOnCell, errors);
        var themes = new List<string>();
        foreach (var theme in Cell(ImportColumns.Themes).Split(['|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (theme.Length > Theme.NameMaxLength)
            {
                errors.Add($"Row {row}: the theme '{Shorten(theme)}' is longer than {Theme.NameMaxLength} characters");
            }
            else if (HasControlCharacters(theme, multiline: false))
            {
                errors.Add($"Row {row}: a theme has characters that cannot be shown (control characters)");
            }
            else if (!themes.Contains(theme, StringComparer.OrdinalIgnoreCase))
            {
                themes.Add(theme);
            }
        }

        var id = Reference(row, ImportColumns.Id, Cell(ImportColumns.Id), errors);
        var linkedTo = Reference(row, ImportColumns.LinkedTo, Cell(ImportColumns.LinkedTo), errors);
        if (id is not null && id == linkedTo)
        {
            errors.Add($"Row {row}: '{ImportColumns.LinkedTo}' is the row's own Id. A contribution cannot add its voice to itself");
        }

        var contact = Contact(row, name, Has(ImportColumns.Name), Cell, Checked, errors);
        var toldOn = Day(row, ImportColumns.ToldOn, Cell(ImportColumns.ToldOn), errors);
        var toldHowCell = Cell(ImportColumns.ToldHow);
        TellingMethod? toldHow = toldHowCell.Length == 0 ? null : Choice(row, ImportColumns.ToldHow, toldHowCell, TellingMethod.Other,
            Enum.GetValues<TellingMethod>(), m => [m.DisplayName(), m.ToString()], errors);
        var toldOutcomeCell = Cell(ImportColumns.ToldOutcome);
        OutcomeStatus? toldOutcome = toldOutcomeCell.Length == 0 ? null : Choice(row, ImportColumns.ToldOutcome, toldOutcomeCell,
            OutcomeStatus.New, Enum.GetValues<OutcomeStatus>(), o => [o.DisplayName(), o.ToString()], errors);
        var toldNote = Checked(ImportColumns.ToldNote, Contribution.ToldNoteMaxLength, multiline: true);
        if (toldOn is null && (toldHow is not null || toldOutcome is not null || toldNote is not null))
        {
            errors.Add($"Row {row}: how they were told is filled in but '{ImportColumns.ToldOn}' is empty. Write the day they were told, or clear the other 'told' cells");
        }

        var published = YesOrNo(row, ImportColumns.Published, Cell(ImportColumns.Published), errors);
        var publicSummary = Checked(ImportColumns.PublicSummary, Contribution.PublicSummaryMaxLength, multiline: true);
        if (published && publicSummary is null)
        {
            errors.Add($"Row {row}: '{ImportColumns.Published}' is Yes but '{ImportColumns.PublicSummary}' is empty. Write a short summary to publish, or write No");
        }

        var publicOutcome = Checked(ImportColumns.PublicOutcome, Contribution.PublicOutcomeMaxLength, multiline: true);
        if (errors.Count > 0 || text is null)
        {
            return new RowResult(row, null, errors);
        }

        return new RowResult(row, new ImportRow(row, text, kind, channel, saidOn, provenance, relayedBy, consent ? name : null,
            themes, outcome, reason, outcome == OutcomeStatus.New ? null : explanation)
        {
            Id = id,
            LinkedTo = linkedTo,
            Contact = contact,
            ToldOn = toldOn,
            ToldHow = toldHow,
            ToldOutcome = toldOutcome,
            ToldNote = toldNote,
            Published = published,
            PublicSummary = publicSummary,
            PublicOutcome = publicOutcome,
        }, []);
    }

    private static Guid? Reference(int row, string column, string cell, List<string> errors)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        if (Guid.TryParse(cell, out var id))
        {
            return id;
        }

        errors.Add($"Row {row}: '{column}' is '{Shorten(cell)}', which is not an Id from an export. Leave it blank for a new contribution");
        return null;
    }

    private static bool YesOrNo(int row, string column, string cell, List<string> errors)
    {
        var key = ImportColumns.Key(cell);
        if (key is "" or "no" or "n" or "false" or "0")
        {
            return false;
        }

        if (key is "yes" or "y" or "true" or "1")
        {
            return true;
        }

        errors.Add($"Row {row}: '{column}' is '{Shorten(cell)}'. Write Yes or No");
        return false;
    }

    private static ContactChoice Contact(int row, string? name, bool nameInFile, Func<string, string> cell, Func<string, int, bool, string?> text,
        List<string> errors)
    {
        var may = YesOrNo(row, ImportColumns.MayContact, cell(ImportColumns.MayContact), errors);
        if (!may)
        {
            return ContactChoice.None;
        }

        // Without a name column, the person is the one the row's contribution has (ImportPlan checks there is one).
        if (name is null && nameInFile)
        {
            errors.Add($"Row {row}: '{ImportColumns.MayContact}' is Yes but there is no name. We can only contact someone whose name we keep");
            return ContactChoice.None;
        }

        var byCell = cell(ImportColumns.ContactBy);
        if (byCell.Length == 0)
        {
            errors.Add($"Row {row}: '{ImportColumns.MayContact}' is Yes but '{ImportColumns.ContactBy}' is empty. Say how they would like to be contacted");
            return ContactChoice.None;
        }

        var by = Choice(row, ImportColumns.ContactBy, byCell, ContactMethod.InPerson, Enum.GetValues<ContactMethod>(), m => [m.DisplayName(), m.ToString()], errors);
        // The detail may be missing (people added before it was asked for); when given, it must be usable.
        string? email = null, phone = null;
        if (by == ContactMethod.Email)
        {
            email = text(ImportColumns.Email, Person.EmailMaxLength, false);
            var checkedEmail = PersonDetails.Email(email);
            email = checkedEmail.Value ?? email;
            if (checkedEmail.Problem is not null)
            {
                errors.Add($"Row {row}: they chose email but '{ImportColumns.Email}' is not an email address like name@example.org");
            }
        }
        else if (by is ContactMethod.Phone or ContactMethod.TextMessage)
        {
            phone = text(ImportColumns.Phone, Person.PhoneMaxLength, false);
            var checkedPhone = PersonDetails.Phone(phone);
            phone = checkedPhone.Value ?? phone;
            if (checkedPhone.Problem is not null)
            {
                errors.Add($"Row {row}: they chose {by.DisplayName().ToLowerInvariant()} but '{ImportColumns.Phone}' is not a phone number like 07700 900982, or +33 1 42 68 53 00 with its country code");
            }
        }

        return new ContactChoice(true, by, email, phone);
    }

    private DateOnly? Day(int row, string column, string cell, List<string> errors)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        var before = errors.Count;
        var day = OrganisationClock.StoredDay(Date(row, column, cell, errors));
        return errors.Count == before ? day : null;
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ",
        "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy HH:mm", "d/M/yyyy H:mm",
    ];

    /// <summary>A day as it is stored (see <see cref="OrganisationClock.Stored"/>), not in the future.</summary>
    private DateTime Date(int row, string column, string cell, List<string> errors)
    {
        if (!DateTime.TryParseExact(cell, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            errors.Add($"Row {row}: '{column}' is '{Shorten(cell)}'. Write the date like 31/01/2026 or 2026-01-31");
            return today;
        }

        date = DateTime.SpecifyKind(date.Date, DateTimeKind.Utc);
        if (date > today)
        {
            errors.Add($"Row {row}: '{column}' is {date:d MMMM yyyy}, which is in the future");
        }
        else if (date.Year < 1900)
        {
            errors.Add($"Row {row}: '{column}' is {date:d MMMM yyyy}. Check the year");
        }

        return date;
    }

    private static T Choice<T>(int row, string column, string cell, T blank, T[] values, Func<T, string[]> names, List<string> errors)
        where T : struct, Enum
    {
        if (cell.Length == 0)
        {
            return blank;
        }

        var key = ImportColumns.Key(cell);
        foreach (var value in values)
        {
            if (names(value).Any(n => ImportColumns.Key(n) == key))
            {
                return value;
            }
        }

        var first = values.Select(v => names(v)[0]);
        errors.Add($"Row {row}: '{column}' is '{Shorten(cell)}'. Use one of {string.Join(", ", first)}");
        return blank;
    }

    /// <summary>Trimmed, in one Unicode form, and without the ' an export puts before each formula start.</summary>
    private static string Clean(string value)
    {
        var trimmed = SpreadsheetCells.Restore(value.Trim());
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    private static bool HasControlCharacters(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (c is '\r' or '\n' or '\t')
            {
                if (!multiline && c is not '\t')
                {
                    return true;
                }

                continue;
            }

            // C0 and C1 controls, and the invisible direction overrides that can disguise text.
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
