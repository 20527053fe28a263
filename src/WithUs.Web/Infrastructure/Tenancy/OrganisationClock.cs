using System.Text.RegularExpressions;

namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>
/// The organisation's local day: what "today", "this week", a default date or "not in the future" mean to the people
/// who use it, and how an instant or a day is written for them. Pages ask this rather than the UTC clock, because at
/// 23:30 UTC on a summer evening it is already tomorrow in London.
/// </summary>
/// <remarks>
/// Two kinds of value are stored. Instants (CreatedAtUtc, ToldAtUtc, AtUtc…) are UTC and shown in the organisation's
/// zone. Days without a time (a contribution's SaidOnUtc) are stored as that calendar day at 00:00 with
/// <see cref="DateTimeKind.Utc"/>, so they sort and compare in SQL on both databases, and are shown as they are:
/// <see cref="Stored"/> and <see cref="DayOf(DateTime)"/> convert between the two.
/// </remarks>
public sealed partial class OrganisationClock
{
    public static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly TimeProvider clock;
    private readonly TenantContext? tenant;
    private TimeZoneInfo? zone;

    /// <summary>For the request's (or the background scope's) organisation.</summary>
    public OrganisationClock(TimeProvider clock, TenantContext tenant)
    {
        this.clock = clock;
        this.tenant = tenant;
    }

    private OrganisationClock(TimeProvider clock, TimeZoneInfo zone)
    {
        this.clock = clock;
        this.zone = zone;
    }

    /// <summary>For an organisation outside a request (seeding, a command-line tool).</summary>
    public static OrganisationClock For(Organisation organisation, TimeProvider clock) => new(clock, ZoneOf(organisation));

    public TimeZoneInfo Zone => zone ??= ZoneOf(tenant?.Organisation);

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today in the organisation's zone.</summary>
    public DateOnly Today => DayOf(clock.GetUtcNow());

    /// <summary>Today, as a day without a time is stored (see <see cref="Stored"/>).</summary>
    public DateTime StoredToday => Stored(Today);

    /// <summary>The organisation's local day on which an instant fell.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The organisation's local day on which a UTC instant fell.</summary>
    public DateOnly DayOf(DateTime utc) => DayOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>The instant the organisation's local day begins, in UTC (a day that begins in a clock change included).</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(midnight))
        {
            // Where the clocks go forward at midnight, the day begins at the first minute that exists.
            midnight = midnight.AddMinutes(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, Zone);
    }

    /// <summary>An instant in the organisation's local time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The local day of an instant, in words: "5 March 2026".</summary>
    public string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", British);

    /// <summary>The local day of an instant, short: "5 Mar 2026".</summary>
    public string ShortDate(DateTime utc) => Local(utc).ToString("d MMM yyyy", British);

    /// <summary>An instant in local time, short: "5 Mar 2026 14:07".</summary>
    public string ShortDateAndTime(DateTime utc, bool seconds = false) =>
        Local(utc).ToString(seconds ? "d MMM yyyy HH:mm:ss" : "d MMM yyyy HH:mm", British);

    /// <summary>A day without a time, stored as that day at 00:00 UTC (how SaidOnUtc is kept).</summary>
    public static DateTime Stored(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The day a stored day-without-a-time stands for.</summary>
    public static DateOnly StoredDay(DateTime stored) => DateOnly.FromDateTime(stored);

    /// <summary>A stored day-without-a-time in words, "5 March 2026", as it was typed: no zone moves it.</summary>
    public static string DayWords(DateTime stored) => StoredDay(stored).ToString("d MMMM yyyy", British);

    /// <summary>The organisation's zone; a zone this machine does not know falls back to the default.</summary>
    public static TimeZoneInfo ZoneOf(Organisation? organisation) =>
        FindZone(organisation?.TimeZone) ?? FindZone(Organisation.DefaultTimeZone)
        ?? throw new InvalidOperationException(
            $"This machine has no time zone data for {Organisation.DefaultTimeZone}: install the tzdata package.");

    /// <summary>
    /// The zone with this IANA id ("Europe/London"), or null. Windows names and abbreviations are refused so that what
    /// is stored means the same on every machine.
    /// </summary>
    public static TimeZoneInfo? FindZone(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId) || ianaId.Length > Organisation.TimeZoneMaxLength || !IanaShape().IsMatch(ianaId))
        {
            return null;
        }

        try
        {
            var found = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            return found.HasIanaId && string.Equals(found.Id, ianaId, StringComparison.Ordinal) ? found : null;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException or IOException
                                      or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }
    }

    /// <summary>Names like Europe/London or America/Argentina/Buenos_Aires: never a path of the machine's files.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex IanaShape();
}
