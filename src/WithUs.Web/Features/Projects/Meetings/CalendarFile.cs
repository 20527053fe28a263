using System.Text;
using System.Text.RegularExpressions;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace WithUs.Web.Features.Projects.Meetings;

/// <summary>
/// One project meeting as an invited person's calendar should show it. The times are instants in UTC; the meeting
/// happens in <paramref name="TimeZoneId"/> (an IANA id such as "Europe/London"), and the file gives its times in that
/// zone. <paramref name="Id"/> stays the same across edits, and <paramref name="Sequence"/> goes up with each change
/// (cancelling included), so calendars update the event they already hold rather than adding a second one.
/// </summary>
public sealed record CalendarEvent(
    Guid Id,
    int Sequence,
    string Title,
    string? Description,
    string? Location,
    string? OnlineLink,
    DateTime StartUtc,
    DateTime EndUtc,
    string TimeZoneId,
    DateTime StampUtc,
    bool Cancelled,
    string? Url,
    string OrganisationName);

/// <summary>
/// Writes the calendar file (RFC 5545, .ics) for a meeting: one event in the meeting's own time zone, with the zone's
/// rules included so calendar apps show the right local time, and a reminder the day before.
/// </summary>
public static partial class CalendarFile
{
    /// <summary>The content type to send a calendar file with.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string ProductId = "-//WithUs//Projects//EN";

    // Where the time zone's rules are read from. Ical.Net takes the rules in force from this date until today, so any
    // past date after the zone's last change of rules gives the same VTIMEZONE; a fixed one keeps the file the same
    // whenever it is made (a date after today would make Ical.Net throw).
    private static readonly DateTime ZoneRulesFrom = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private const int MaxFileNameStem = 60;

    /// <summary>The whole calendar file (a VCALENDAR with one VEVENT) for the meeting.</summary>
    public static string For(CalendarEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.EndUtc <= e.StartUtc)
        {
            throw new ArgumentException("A meeting must end after it starts.", nameof(e));
        }

        var calendar = new IcalCalendar { ProductId = ProductId, Method = "PUBLISH" };
        var start = InZone(e.StartUtc, e.TimeZoneId);
        var end = InZone(e.EndUtc, e.TimeZoneId);
        if (!start.IsUtc || !end.IsUtc)
        {
            calendar.AddTimeZone(e.TimeZoneId, ZoneRulesFrom, includeHistoricalData: false);
        }

        var meeting = new IcalEvent
        {
            Uid = $"{e.Id}@withus",
            Sequence = e.Sequence,
            DtStamp = new CalDateTime(AsUtc(e.StampUtc), CalDateTime.UtcTzId),
            Summary = e.Title,
            DtStart = start,
            DtEnd = end,
            Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            meeting.Description = e.Description;
        }

        var location = !string.IsNullOrWhiteSpace(e.Location) ? e.Location : e.OnlineLink;
        if (!string.IsNullOrWhiteSpace(location))
        {
            meeting.Location = location;
        }

        if (!string.IsNullOrWhiteSpace(e.Url))
        {
            meeting.Url = new Uri(e.Url, UriKind.Absolute);
        }

        meeting.Alarms.Add(new Alarm
        {
            Action = AlarmAction.Display,
            Description = $"Tomorrow: {e.Title} with {e.OrganisationName}",
            Trigger = new Trigger(Duration.FromDays(-1)),
        });
        calendar.Events.Add(meeting);

        return MendSplitCharacters(new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>
    /// A safe ASCII file name for the meeting's calendar file: "Saturday opening meeting" gives
    /// "saturday-opening-meeting.ics". Accents are dropped, anything else becomes a hyphen, and a title with nothing
    /// left gives "meeting.ics".
    /// </summary>
    public static string FileName(string title)
    {
        var stem = new StringBuilder();
        var hyphen = false;
        foreach (var c in (title ?? "").Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (hyphen && stem.Length > 0)
                {
                    stem.Append('-');
                }

                stem.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }

        var name = stem.Length > MaxFileNameStem ? stem.ToString(0, MaxFileNameStem).TrimEnd('-') : stem.ToString();
        return (name.Length == 0 ? "meeting" : name) + ".ics";
    }

    // The meeting's time as its local time in its zone (TZID=...), which is what calendar apps show. In the hour that
    // happens twice when the clocks go back, a local time names two instants: RFC 5545 says the first, but readers
    // differ (ical.js takes the second), so an instant in that hour is written in UTC instead, which no reader can
    // misplace.
    private static CalDateTime InZone(DateTime utc, string timeZoneId)
    {
        var instant = new CalDateTime(AsUtc(utc), CalDateTime.UtcTzId);
        if (TimeZoneInfo.FindSystemTimeZoneById(timeZoneId).IsAmbiguousTime(utc))
        {
            return instant;
        }

        var local = instant.ToTimeZone(timeZoneId);
        return local.AsUtc == instant.AsUtc ? local : instant;
    }

    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc
            ? value
            : throw new ArgumentException("Times for a calendar file must be UTC (DateTimeKind.Utc).", nameof(value));

    // Ical.Net 5.2.4 folds lines at 75 octets but one UTF-16 unit at a time, so it can fold between the two halves of a
    // character outside the Basic Multilingual Plane (an emoji); UTF-8 cannot encode either half, and the character is
    // lost. When that has happened, unfold the text and fold it again at whole characters. A fold is always CRLF and a
    // space: Ical.Net escapes every line break inside a value.
    private static string MendSplitCharacters(string ics)
    {
        if (!SplitCharacter().IsMatch(ics))
        {
            return ics;
        }

        var mended = new StringBuilder(ics.Length + 64);
        foreach (var line in ics.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n"))
        {
            if (line.Length > 0)
            {
                Fold(mended, line);
            }
        }

        return mended.ToString();
    }

    private static void Fold(StringBuilder into, string line)
    {
        const int limit = 75;
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > limit)
            {
                into.Append("\r\n ");
                octets = 1;
            }

            into.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        into.Append("\r\n");
    }

    [GeneratedRegex(@"[\uD800-\uDBFF]\r\n [\uDC00-\uDFFF]")]
    private static partial Regex SplitCharacter();
}
