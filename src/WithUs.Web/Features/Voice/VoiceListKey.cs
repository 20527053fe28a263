using System.Buffers.Text;
using System.Text;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Where a page of the list of what people said starts or ends: the sort key of a row, carried in the "Next" and
/// "Previous" links so the next page is a seek in the index, not an OFFSET that reads every row before it (issue 9).
/// <see cref="Exact"/> and <see cref="TermCount"/> only order a search by words; elsewhere they are false and 0.
/// </summary>
public sealed record VoiceListKey(bool Exact, int TermCount, DateTime SaidOnUtc, DateTime CreatedAtUtc, Guid Id)
{
    private const string Version = "1";

    public string Encode()
    {
        var text = string.Join('.', Version, Exact ? "1" : "0", TermCount.ToString(CultureInfo.InvariantCulture),
            SaidOnUtc.Ticks.ToString(CultureInfo.InvariantCulture), CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), Id.ToString("N"));
        return Base64Url.EncodeToString(Encoding.ASCII.GetBytes(text));
    }

    /// <summary>The key in a link, or null for anything else (a tampered or truncated link then shows the first page).</summary>
    public static VoiceListKey? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || encoded.Length > 120 || !Base64Url.IsValid(encoded))
        {
            return null;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(encoded)).Split('.');
        const NumberStyles digits = NumberStyles.None;
        var culture = CultureInfo.InvariantCulture;
        return parts is [Version, "0" or "1", var terms, var said, var created, var id]
            && int.TryParse(terms, digits, culture, out var termCount)
            && long.TryParse(said, digits, culture, out var saidTicks) && saidTicks <= DateTime.MaxValue.Ticks
            && long.TryParse(created, digits, culture, out var createdTicks) && createdTicks <= DateTime.MaxValue.Ticks
            && Guid.TryParseExact(id, "N", out var guid)
            ? new VoiceListKey(parts[1] == "1", termCount, new DateTime(saidTicks, DateTimeKind.Utc), new DateTime(createdTicks, DateTimeKind.Utc), guid)
            : null;
    }
}
