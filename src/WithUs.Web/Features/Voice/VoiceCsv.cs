namespace WithUs.Web.Features.Voice;

/// <summary>Writing CSV cells safely for spreadsheets.</summary>
public static class VoiceCsv
{
    /// <summary>
    /// A cell that a spreadsheet will not run as a formula: text starting with = + - @, a tab or a carriage return
    /// gets a ' in front (an import takes it off again).
    /// </summary>
    public static string Defuse(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A defused cell, quoted when it needs to be.</summary>
    public static string Quote(string? value)
    {
        var cell = Defuse(value);
        return cell.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
