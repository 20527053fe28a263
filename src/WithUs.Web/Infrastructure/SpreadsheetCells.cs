using System.Buffers;
using System.Text;
using CsvHelper;

namespace WithUs.Web.Infrastructure;

/// <summary>
/// CSV cells that a spreadsheet shows as text and never runs as a formula, whichever separator it opens the file with,
/// and that an import reads back exactly as they were.
/// </summary>
/// <remarks>
/// Excel in many European locales splits on ';', some tools on tabs or '|', and a re-saved file may lose its quotes,
/// so a formula can start at the beginning of the cell or after any of those separators (and any spaces after it).
/// At each such place, a run of apostrophes followed by = + - @, a tab or a carriage return gets one more apostrophe in
/// front: a spreadsheet shows the apostrophe as text, and <see cref="Restore"/> takes exactly one off again. Adding one
/// to a run that may be empty, and taking one off a run that cannot be, makes the two exact inverses, so text that
/// really starts with "'=" comes back as it was.
/// </remarks>
public static class SpreadsheetCells
{
    private const string Separators = ",;\t|\r\n";

    private static readonly SearchValues<char> SeparatorsOrQuote = SearchValues.Create(Separators + "\"");

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>The text with an apostrophe before every formula start.</summary>
    public static string Defuse(string? value) => Rewrite(value ?? "", add: true);

    /// <summary>The text as it was before <see cref="Defuse"/>.</summary>
    public static string Restore(string value) => Rewrite(value, add: false);

    /// <summary>Whether the cell must be quoted: it holds a separator of any common kind, or a quote mark.</summary>
    public static bool NeedsQuotes(string cell) => cell.AsSpan().ContainsAny(SeparatorsOrQuote);

    /// <summary>A defused cell, quoted when it holds a separator, for files written by hand.</summary>
    public static string Quote(string? value)
    {
        var cell = Defuse(value);
        return NeedsQuotes(cell) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>Writes a defused cell, quoted when it holds a separator.</summary>
    public static void Write(CsvWriter csv, string? value)
    {
        var cell = Defuse(value);
        csv.WriteField(cell, NeedsQuotes(cell) ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }

    private static string Rewrite(string value, bool add)
    {
        StringBuilder? result = null;
        var copied = 0;
        var atStart = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (atStart && c == ' ')
            {
                continue;
            }

            if (atStart)
            {
                var run = i;
                while (run < value.Length && value[run] == '\'')
                {
                    run++;
                }

                if (run < value.Length && IsFormulaStart(value[run]) && (add || run > i))
                {
                    result ??= new StringBuilder(value.Length + 8);
                    result.Append(value, copied, i - copied);
                    if (add)
                    {
                        result.Append('\'');
                        copied = i;
                    }
                    else
                    {
                        copied = i + 1;
                    }
                }

                // The apostrophes and the character after them are ordinary text, unless that is a separator.
                i = Math.Min(run, value.Length - 1);
                c = value[i];
            }

            atStart = Separators.Contains(c, StringComparison.Ordinal);
        }

        return result is null ? value : result.Append(value, copied, value.Length - copied).ToString();
    }
}
