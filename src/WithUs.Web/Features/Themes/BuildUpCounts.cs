using Microsoft.Extensions.Caching.Memory;

namespace WithUs.Web.Features.Themes;

/// <summary>
/// Keeps each organisation's <see cref="WindowCounts"/> in memory until they could differ: until its voices change
/// (<see cref="Organisation.VoiceVersion"/>, moved by the database's triggers, read with the organisation on every
/// request), its day turns, or its build-up settings change (issue 9). Working them out reads the whole window,
/// thousands of rows at a region's size; the staff home and the themes pages are looked at far more often than
/// something is said, so most requests read none. Each node keeps its own, and every node sees the same number, so
/// none shows counts older than the request's own reading of the organisation. An organisation nobody looks at for
/// half an hour gives its memory back.
/// </summary>
public sealed class BuildUpCounts(IMemoryCache cache)
{
    private static readonly TimeSpan KeptUnused = TimeSpan.FromMinutes(30);

    private sealed record AsOf(long VoiceVersion, DateOnly Today, int Threshold, int WindowDays, string TimeZone);

    private sealed record Kept(AsOf AsOf, WindowCounts Counts);

    public async Task<WindowCounts> GetAsync(WithUsDbContext db, Organisation organisation, OrganisationClock clock,
        CancellationToken cancellationToken)
    {
        var asOf = new AsOf(organisation.VoiceVersion, clock.Today, organisation.BuildUpThreshold, organisation.BuildUpWindowDays,
            organisation.TimeZone);
        var key = (nameof(BuildUpCounts), organisation.Id);
        if (cache.TryGetValue(key, out Kept? kept) && kept!.AsOf == asOf)
        {
            return kept.Counts;
        }

        // Requests that miss together each count, and the last to finish is kept: a request that then reads another
        // version counts again, so an older count is never shown for a newer version.
        var counts = await BuildUp.CountAsync(db, organisation, clock, cancellationToken);
        cache.Set(key, new Kept(asOf, counts), new MemoryCacheEntryOptions { SlidingExpiration = KeptUnused });
        return counts;
    }
}
