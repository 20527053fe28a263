namespace WithUs.Web.Features.Voice;

/// <summary>
/// Where a page of the list of what people said starts or ends: the sort key of a row, carried in the "Next" and
/// "Previous" links so the next page is a seek in the index, not an OFFSET that reads every row before it (issue 9).
/// <see cref="Exact"/> and <see cref="TermCount"/> only order a search by words; elsewhere they are false and 0.
/// </summary>
public sealed record VoiceListKey(bool Exact, int TermCount, DateTime SaidOnUtc, DateTime CreatedAtUtc, Guid Id)
{
    private const string Version = "1";

    public string Encode() => PageKey.Encode(Version, Exact ? "1" : "0", TermCount.ToString(CultureInfo.InvariantCulture),
        PageKey.Text(SaidOnUtc), PageKey.Text(CreatedAtUtc), PageKey.Text(Id));

    /// <summary>The key in a link, or null for anything else (a tampered or truncated link then shows the first page).</summary>
    public static VoiceListKey? Decode(string? encoded) =>
        PageKey.Decode(encoded, Version, 5) is [var exact and ("0" or "1"), var terms, var said, var created, var id]
        && PageKey.TryRead(terms, out int termCount)
        && PageKey.TryRead(said, out DateTime saidOnUtc)
        && PageKey.TryRead(created, out DateTime createdAtUtc)
        && PageKey.TryRead(id, out Guid guid)
            ? new VoiceListKey(exact == "1", termCount, saidOnUtc, createdAtUtc, guid)
            : null;
}
