using System.Buffers.Text;
using System.Text;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// The text of a keyset list's "Next"/"Previous" link: where a page starts or ends, as the sort key of a row (issue 9).
/// A link can be edited by anyone, so reading one never throws: anything that is not a key this version wrote reads
/// as null, and the list then shows its first page.
/// </summary>
public static class PageKey
{
    /// <summary>Longer than any key this app writes; a longer one was not written here.</summary>
    private const int MaxLength = 120;

    public static string Encode(string version, params ReadOnlySpan<string> parts) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Join('.', [version, .. parts])));

    /// <summary>The parts of a key written by <see cref="Encode"/> with this version, or null.</summary>
    public static string[]? Decode(string? encoded, string version, int parts)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > MaxLength || !Base64Url.IsValid(encoded))
        {
            return null;
        }

        var all = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(encoded)).Split('.');
        return all.Length == parts + 1 && all[0] == version ? all[1..] : null;
    }

    public static string Text(DateTime utc) => utc.Ticks.ToString(CultureInfo.InvariantCulture);

    public static string Text(Guid id) => id.ToString("N");

    public static bool TryRead(string text, out DateTime utc)
    {
        var ok = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks;
        utc = ok ? new DateTime(ticks, DateTimeKind.Utc) : default;
        return ok;
    }

    public static bool TryRead(string text, out Guid id) => Guid.TryParseExact(text, "N", out id);

    public static bool TryRead(string text, out int number) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
}
