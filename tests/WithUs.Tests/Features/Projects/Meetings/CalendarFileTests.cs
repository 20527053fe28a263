using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WithUs.Web.Features.Projects.Meetings;

namespace WithUs.Tests.Features.Projects.Meetings;

// Each file is read back by Mozilla's ical.js (parse-ics.mjs, run by Node), not by Ical.Net that wrote it, so a time
// or a text the two libraries disagree on shows here. Expected instants are written out by hand, not computed.
public sealed class CalendarFileTests
{
    private const string London = "Europe/London";
    private static readonly Guid MeetingId = Guid.Parse("0192d3a4-5b6c-7d8e-9f01-23456789abcd");

    [Fact]
    public void July_TenToTwelveLondonTime_IsWrittenInLondonTimeAndReadAsNineToElevenUtc()
    {
        var ics = CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20260704T100000\r\n");
        Unfolded(ics).ShouldContain("\r\nDTEND;TZID=Europe/London:20260704T120000\r\n");
        read.Start.ShouldBe("2026-07-04T09:00:00Z");
        read.End.ShouldBe("2026-07-04T11:00:00Z");
        read.StartTzid.ShouldBe(London);
        read.EndTzid.ShouldBe(London);
        read.StartZone.ShouldBe(London, "ical.js did not find the VTIMEZONE for the TZID");
        read.EndZone.ShouldBe(London);
        var zone = read.Timezones.ShouldHaveSingleItem();
        zone.Tzid.ShouldBe(London);
        zone.Parts.Order(StringComparer.Ordinal).ShouldBe(["daylight", "standard"]);
    }

    [Fact]
    public void January_TenToTwelveLondonTime_IsTenToTwelveUtc()
    {
        var ics = CalendarFile.For(Meeting(Utc(2027, 1, 16, 10, 0), Utc(2027, 1, 16, 12, 0)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20270116T100000\r\n");
        read.Start.ShouldBe("2027-01-16T10:00:00Z");
        read.End.ShouldBe("2027-01-16T12:00:00Z");
        read.StartZone.ShouldBe(London);
    }

    [Fact]
    public void MorningTheClocksGoForward_TenLocal_IsNineUtc()
    {
        // Sunday 28 March 2027: at 01:00 UTC London moves from GMT to BST.
        var ics = CalendarFile.For(Meeting(Utc(2027, 3, 28, 9, 0), Utc(2027, 3, 28, 11, 0)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20270328T100000\r\n");
        Unfolded(ics).ShouldContain("\r\nDTEND;TZID=Europe/London:20270328T120000\r\n");
        read.Start.ShouldBe("2027-03-28T09:00:00Z");
        read.End.ShouldBe("2027-03-28T11:00:00Z");
    }

    [Fact]
    public void MorningTheClocksGoBack_TenLocal_IsTenUtc()
    {
        // Sunday 25 October 2026: at 01:00 UTC London moves from BST back to GMT.
        var ics = CalendarFile.For(Meeting(Utc(2026, 10, 25, 10, 0), Utc(2026, 10, 25, 12, 0)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20261025T100000\r\n");
        read.Start.ShouldBe("2026-10-25T10:00:00Z");
        read.End.ShouldBe("2026-10-25T12:00:00Z");
    }

    [Fact]
    public void MeetingAcrossTheChange_EachEndIsReadInItsOwnOffset()
    {
        // Saturday 24 October 2026 23:30 BST (22:30 UTC) to Sunday 25 October 02:30 GMT (02:30 UTC): four hours.
        var ics = CalendarFile.For(Meeting(Utc(2026, 10, 24, 22, 30), Utc(2026, 10, 25, 2, 30)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20261024T233000\r\n");
        Unfolded(ics).ShouldContain("\r\nDTEND;TZID=Europe/London:20261025T023000\r\n");
        read.Start.ShouldBe("2026-10-24T22:30:00Z");
        read.End.ShouldBe("2026-10-25T02:30:00Z");
    }

    [Fact]
    public void TimesInTheHourThatHappensTwice_AreWrittenInUtc()
    {
        // 01:30 local happens twice on 25 October 2026: 01:30 BST (00:30 UTC), then 01:30 GMT (01:30 UTC). RFC 5545
        // reads TZID=Europe/London:20261025T013000 as the first, ical.js as the second; UTC leaves no doubt.
        var ics = CalendarFile.For(Meeting(Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 25, 1, 30)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART:20261025T003000Z\r\n");
        Unfolded(ics).ShouldContain("\r\nDTEND:20261025T013000Z\r\n");
        read.Start.ShouldBe("2026-10-25T00:30:00Z");
        read.End.ShouldBe("2026-10-25T01:30:00Z");
    }

    [Fact]
    public void EndJustAfterTheHourThatHappensTwice_IsWrittenInLondonTime()
    {
        // 00:59 BST is before the repeated hour and 02:00 GMT after it: both are written as London times.
        var ics = CalendarFile.For(Meeting(Utc(2026, 10, 24, 23, 59), Utc(2026, 10, 25, 2, 0)));
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain("\r\nDTSTART;TZID=Europe/London:20261025T005900\r\n");
        Unfolded(ics).ShouldContain("\r\nDTEND;TZID=Europe/London:20261025T020000\r\n");
        read.Start.ShouldBe("2026-10-24T23:59:00Z");
        read.End.ShouldBe("2026-10-25T02:00:00Z");
    }

    [Fact]
    public void Reader_TellsLocalTimePassedAsUtc_FromTheRightTime()
    {
        // The mistake the BST test guards against: 10:00 London time passed as 10:00 UTC. ical.js reads it back as
        // 10:00 UTC (11:00 local), so the July test's 09:00Z would fail for it.
        var wrong = IcalJs.Read(CalendarFile.For(Meeting(Utc(2026, 7, 4, 10, 0), Utc(2026, 7, 4, 12, 0))));

        wrong.Start.ShouldBe("2026-07-04T10:00:00Z");
        wrong.Start.ShouldNotBe("2026-07-04T09:00:00Z");
    }

    [Theory]
    [InlineData("America/New_York", 2026, 7, 1, 14, "20260701T100000")] // EDT, UTC-4
    [InlineData("America/New_York", 2027, 1, 6, 15, "20270106T100000")] // EST, UTC-5
    [InlineData("Australia/Sydney", 2026, 7, 1, 0, "20260701T100000")] // AEST, UTC+10
    [InlineData("Australia/Sydney", 2027, 1, 5, 23, "20270106T100000")] // AEDT, UTC+11
    [InlineData("Asia/Tokyo", 2026, 7, 1, 1, "20260701T100000")] // JST, UTC+9, no daylight saving
    public void OtherZones_AreWrittenInTheirOwnTimeAndReadBackToTheSameInstant(
        string zone, int year, int month, int day, int utcHour, string local)
    {
        var start = Utc(year, month, day, utcHour, 0);
        var ics = CalendarFile.For(Meeting(start, start.AddHours(1)) with { TimeZoneId = zone });
        var read = IcalJs.Read(ics);

        Unfolded(ics).ShouldContain($"\r\nDTSTART;TZID={zone}:{local}\r\n");
        read.StartZone.ShouldBe(zone);
        read.Start.ShouldBe(start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        read.End.ShouldBe(start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Event_HasTheIdentityStatusLinkAndReminderAsked()
    {
        var ics = CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)) with
        {
            Sequence = 3,
            StampUtc = Utc(2026, 6, 1, 8, 15),
            Url = "https://withus.example/o/riverside/projects/1",
        });
        var read = IcalJs.Read(ics);

        read.Prodid.ShouldBe("-//WithUs//Projects//EN");
        read.Method.ShouldBe("PUBLISH");
        read.Version.ShouldBe("2.0");
        read.Uid.ShouldBe("0192d3a4-5b6c-7d8e-9f01-23456789abcd@withus");
        read.Sequence.ShouldBe(3);
        read.Stamp.ShouldBe("2026-06-01T08:15:00Z");
        read.Summary.ShouldBe("Saturday opening meeting");
        read.Status.ShouldBe("CONFIRMED");
        read.Url.ShouldBe("https://withus.example/o/riverside/projects/1");
        var alarm = read.Alarm.ShouldNotBeNull();
        alarm.Action.ShouldBe("DISPLAY");
        alarm.Trigger.ShouldBe("-P1D");
        alarm.TriggerSeconds.ShouldBe(-86_400);
        alarm.Description.ShouldBe("Tomorrow: Saturday opening meeting with Riverside Tenants");
    }

    [Fact]
    public void Location_IsThePlace_OrTheOnlineLinkWhenThereIsNoPlace_AndAbsentWithNeither()
    {
        var meeting = Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0));
        const string link = "https://meet.example/abc-defg-hij";

        IcalJs.Read(CalendarFile.For(meeting with { Location = "Community hall", OnlineLink = link }))
            .Location.ShouldBe("Community hall");
        IcalJs.Read(CalendarFile.For(meeting with { Location = null, OnlineLink = link })).Location.ShouldBe(link);
        IcalJs.Read(CalendarFile.For(meeting with { Location = "  ", OnlineLink = link })).Location.ShouldBe(link);

        var bare = IcalJs.Read(CalendarFile.For(meeting with { Location = null, OnlineLink = null, Description = null, Url = null }));
        bare.Location.ShouldBeNull();
        bare.Description.ShouldBeNull();
        bare.Url.ShouldBeNull();
    }

    [Fact]
    public void Text_WithCommasSemicolonsBackslashesNewlinesAndAccents_RoundTripsExactly()
    {
        const string title = "Café, Ölçü; \"quotes\"";
        const string description = "Bring: tea, cake; chairs\\tables (C:\\path)\nSecond line, Ölçü; done\n\nAfter a blank line.";
        const string location = "Hall; room 2, \"Main\" St\\Annex";
        var ics = CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)) with
        {
            Title = title,
            Description = description,
            Location = location,
        });
        var read = IcalJs.Read(ics);

        read.Summary.ShouldBe(title);
        read.Description.ShouldBe(description);
        read.Location.ShouldBe(location);
        Unfolded(ics).ShouldContain("\r\nSUMMARY:Café\\, Ölçü\\; \"quotes\"\r\n");
    }

    [Fact]
    public void Text_WithWindowsLineBreaks_IsReadWithPlainNewlines()
    {
        // A textarea posts its line breaks as CRLF; in the file each becomes one escaped newline.
        var read = IcalJs.Read(CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)) with
        {
            Description = "First\r\nSecond",
        }));

        read.Description.ShouldBe("First\nSecond");
    }

    [Fact]
    public void LongDescription_IsFoldedAtSeventyFiveOctets_WithCrlfEverywhere()
    {
        var description = string.Concat(Enumerable.Range(1, 40).Select(i => $"Point {i}: Ölçü, café; naïve — ok. "));
        var ics = CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)) with { Description = description });
        var read = IcalJs.Read(ics);

        Encoding.UTF8.GetByteCount(description).ShouldBeGreaterThan(1_000);
        ics.ShouldContain("\r\n ", customMessage: "the description was not folded");
        ics.ShouldEndWith("END:VCALENDAR\r\n");
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\r');
        read.EveryLineEndsWithCrlf.ShouldBeTrue();
        read.LinesOver75Octets.ShouldBe(0);
        read.LongestLineOctets.ShouldBeLessThanOrEqualTo(75);
        read.LongestLineOctets.ShouldBeGreaterThan(70, "folded lines should be filled, not cut short");
        read.Description.ShouldBe(description);
    }

    [Fact]
    public void CharactersOutsideTheBasicPlane_SurviveFolding_AtEveryOffset()
    {
        // Emoji are two UTF-16 units; Ical.Net 5.2.4 alone folds between them at some offsets (a lost character).
        for (var pad = 0; pad < 8; pad++)
        {
            var description = new string('x', pad) + string.Concat(Enumerable.Repeat("🎉 Opening 🙂 ", 12));
            var title = new string('y', pad) + string.Concat(Enumerable.Repeat("📅", 30));
            var ics = CalendarFile.For(Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0)) with
            {
                Title = title,
                Description = description,
            });
            var read = IcalJs.Read(ics);

            read.Summary.ShouldBe(title, $"pad {pad}");
            read.Description.ShouldBe(description, $"pad {pad}");
            read.EveryLineEndsWithCrlf.ShouldBeTrue($"pad {pad}");
            read.LinesOver75Octets.ShouldBe(0, $"pad {pad}");
        }
    }

    [Fact]
    public void Reader_ReportsBareLineFeedsAndLinesOverSeventyFiveOctets()
    {
        // The reader's own checks can fail: a file with LF endings and an unfolded 80-octet line.
        var summary = "SUMMARY:" + new string('a', 72);
        var read = IcalJs.Read(
            "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//x//y//EN\nBEGIN:VEVENT\nUID:u\nSEQUENCE:0\nDTSTAMP:20260601T080000Z\n" +
            "DTSTART:20260704T090000Z\nDTEND:20260704T110000Z\n" + summary + "\nEND:VEVENT\nEND:VCALENDAR\n");

        read.EveryLineEndsWithCrlf.ShouldBeFalse();
        read.LinesOver75Octets.ShouldBe(1);
        read.LongestLineOctets.ShouldBe(80);
    }

    [Fact]
    public void Cancelled_IsTheSameEventWithAHigherSequenceAndStatusCancelled()
    {
        var meeting = Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0));
        var invited = IcalJs.Read(CalendarFile.For(meeting with { Sequence = 1 }));
        var cancelled = IcalJs.Read(CalendarFile.For(meeting with { Sequence = 2, Cancelled = true }));

        invited.Status.ShouldBe("CONFIRMED");
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.Uid.ShouldBe(invited.Uid);
        cancelled.Uid.ShouldBe($"{MeetingId}@withus");
        cancelled.Sequence.ShouldBeGreaterThan(invited.Sequence);
        cancelled.Sequence.ShouldBe(2);
    }

    [Fact]
    public void For_RefusesTimesThatAreNotUtc_AndAnEndBeforeTheStart()
    {
        var meeting = Meeting(Utc(2026, 7, 4, 9, 0), Utc(2026, 7, 4, 11, 0));

        Should.Throw<ArgumentException>(() => CalendarFile.For(meeting with
        {
            StartUtc = new DateTime(2026, 7, 4, 10, 0, 0, DateTimeKind.Unspecified),
        }));
        Should.Throw<ArgumentException>(() => CalendarFile.For(meeting with { EndUtc = meeting.StartUtc }));
    }

    [Theory]
    [InlineData("Saturday opening meeting", "saturday-opening-meeting.ics")]
    [InlineData("Café, Ölçü; \"quotes\"", "cafe-olcu-quotes.ics")]
    [InlineData("  Spring   clean-up!! ", "spring-clean-up.ics")]
    [InlineData("../../etc/passwd", "etc-passwd.ics")]
    [InlineData("Meeting #2 (online)", "meeting-2-online.ics")]
    [InlineData("日本語の会議", "meeting.ics")]
    [InlineData("🎉🎉", "meeting.ics")]
    [InlineData("", "meeting.ics")]
    [InlineData("   ", "meeting.ics")]
    public void FileName_IsLowerCaseAsciiWithHyphens_NeverEmpty(string title, string expected) =>
        CalendarFile.FileName(title).ShouldBe(expected);

    [Fact]
    public void FileName_OfALongTitle_IsCutShortWithoutATrailingHyphen()
    {
        var name = CalendarFile.FileName(string.Join(' ', Enumerable.Repeat("community", 20)));

        name.Length.ShouldBeLessThanOrEqualTo(64);
        name.ShouldEndWith(".ics");
        name.ShouldNotContain("-.ics");
        name.ShouldStartWith("community-community-");
    }

    [Fact]
    public void ContentType_IsCalendarInUtf8() => CalendarFile.ContentType.ShouldBe("text/calendar; charset=utf-8");

    private static CalendarEvent Meeting(DateTime startUtc, DateTime endUtc) => new(
        Id: MeetingId,
        Sequence: 0,
        Title: "Saturday opening meeting",
        Description: "Planning the Saturday opening.",
        Location: "Community hall",
        OnlineLink: null,
        StartUtc: startUtc,
        EndUtc: endUtc,
        TimeZoneId: London,
        StampUtc: Utc(2026, 6, 1, 8, 0),
        Cancelled: false,
        Url: "https://withus.example/o/riverside/projects/1",
        OrganisationName: "Riverside Tenants");

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static string Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    /// <summary>Runs parse-ics.mjs under Node with ical.js from the web project's node_modules.</summary>
    private static class IcalJs
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public static Parsed Read(string ics)
        {
            var script = Path.Combine(RepositoryFiles.Root, "tests", "WithUs.Tests", "Features", "Projects", "Meetings", "parse-ics.mjs");
            var icalJs = Path.Combine(RepositoryFiles.WebProject, "node_modules", "ical.js", "package.json");
            File.Exists(icalJs).ShouldBeTrue(
                $"ical.js is not installed ({icalJs} is missing): build src/WithUs.Web, whose build runs npm ci.");

            var start = new ProcessStartInfo(NodePath())
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(RepositoryFiles.WebProject);
            // A zone far from London and UTC: a time ical.js failed to place in the file's zone would be read as
            // local time here and be hours out.
            start.Environment["TZ"] = "Pacific/Auckland";

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("Node did not start.");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"Node.js is needed to read calendar files with ical.js, and '{start.FileName}' could not be started: {e.Message}", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                // The bytes a browser would get: UTF-8, no byte order mark.
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ics);
                process.StandardInput.BaseStream.Write(bytes);
                process.StandardInput.Close();
                process.WaitForExit(TimeSpan.FromSeconds(30)).ShouldBeTrue("node parse-ics.mjs did not finish in 30 s");
                process.ExitCode.ShouldBe(0, $"node parse-ics.mjs failed: {errors.Result}\nThe file was:\n{ics}");
                return JsonSerializer.Deserialize<Parsed>(output.Result, Json)
                    ?? throw new InvalidOperationException("parse-ics.mjs printed nothing");
            }
        }

        private static string NodePath() => File.Exists("/usr/bin/node") ? "/usr/bin/node" : "node";
    }

    private sealed record Parsed(
        string Prodid,
        string Method,
        string Version,
        IReadOnlyList<Zone> Timezones,
        string Uid,
        int Sequence,
        string Stamp,
        string Summary,
        string? Description,
        string? Location,
        string? Url,
        string Status,
        string Start,
        string End,
        string StartZone,
        string EndZone,
        string? StartTzid,
        string? EndTzid,
        Alarm? Alarm,
        bool EveryLineEndsWithCrlf,
        int LongestLineOctets,
        int LinesOver75Octets);

    private sealed record Zone(string Tzid, IReadOnlyList<string> Parts);

    private sealed record Alarm(string Action, string? Description, string? Trigger, int? TriggerSeconds);
}
