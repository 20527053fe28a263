namespace WithUs.Web.Features.Public;

/// <summary>
/// Where a page of published ideas starts or ends: the date shown and the id of a row, the order the lists use (newest
/// first, then by id), carried in the "Newer" and "Older" links so that each page is a seek in the published indexes.
/// </summary>
public sealed record PublicIdeaKey(DateTime Date, Guid Id)
{
    private const string Version = "1";

    public string Encode() => PageKey.Encode(Version, PageKey.Text(Date), PageKey.Text(Id));

    /// <summary>The key in a link, or null for anything else (a tampered or truncated link then shows the first page).</summary>
    public static PublicIdeaKey? Decode(string? encoded) =>
        PageKey.Decode(encoded, Version, 2) is [var date, var id]
        && PageKey.TryRead(date, out DateTime utc)
        && PageKey.TryRead(id, out Guid guid)
            ? new PublicIdeaKey(utc, guid)
            : null;
}
