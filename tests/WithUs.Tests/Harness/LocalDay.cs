using System.Globalization;

namespace WithUs.Tests.Harness;

/// <summary>
/// "Today" as the app means it for a new organisation: the day in Europe/London, not the UTC date (they differ for an
/// hour every summer night).
/// </summary>
public static class LocalDay
{
    public static DateOnly Today(TimeProvider? clock = null, string zone = Organisation.DefaultTimeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId((clock ?? TimeProvider.System).GetUtcNow(), zone).DateTime);

    /// <summary>As a date field holds it: 2026-07-15.</summary>
    public static string Iso(this DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>As a day without a time (SaidOnUtc) is stored: that day at 00:00, UTC kind.</summary>
    public static DateTime Stored(this DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
