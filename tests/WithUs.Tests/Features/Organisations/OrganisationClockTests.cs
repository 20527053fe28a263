namespace WithUs.Tests.Features.Organisations;

/// <summary>The organisation's local day, without the app: today, the start of a day, and which zones are accepted.</summary>
public sealed class OrganisationClockTests
{
    /// <summary>23:30 UTC on a summer night: 00:30 the next day in London (BST, UTC+1).</summary>
    private static readonly DateTimeOffset SummerNight = new(2026, 7, 14, 23, 30, 0, TimeSpan.Zero);

    private static OrganisationClock ClockFor(string zone, DateTimeOffset at)
    {
        var time = new ManualClock();
        time.Set(at);
        return OrganisationClock.For(new Organisation { Name = "Harbour Lane", Slug = "harbour-lane", TimeZone = zone }, time);
    }

    [Fact]
    public void Today_OnASummerNight_IsTomorrowInLondon_ButNotInUtc()
    {
        ClockFor("Europe/London", SummerNight).Today.ShouldBe(new DateOnly(2026, 7, 15));
        ClockFor("Etc/UTC", SummerNight).Today.ShouldBe(new DateOnly(2026, 7, 14));
        ClockFor("America/New_York", SummerNight).Today.ShouldBe(new DateOnly(2026, 7, 14));
    }

    [Fact]
    public void Today_InWinter_IsTheUtcDateInLondon() =>
        ClockFor("Europe/London", new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero)).Today.ShouldBe(new DateOnly(2026, 1, 14));

    [Fact]
    public void StoredToday_IsTheLocalDayAtMidnightUtc()
    {
        var stored = ClockFor("Europe/London", SummerNight).StoredToday;

        stored.ShouldBe(new DateTime(2026, 7, 15, 0, 0, 0, DateTimeKind.Utc));
        stored.Kind.ShouldBe(DateTimeKind.Utc);
        OrganisationClock.StoredDay(stored).ShouldBe(new DateOnly(2026, 7, 15));
    }

    [Fact]
    public void StartOfDayUtc_FollowsTheZoneAndItsSummerTime()
    {
        var london = ClockFor("Europe/London", SummerNight);

        london.StartOfDayUtc(new DateOnly(2026, 7, 15)).ShouldBe(new DateTime(2026, 7, 14, 23, 0, 0, DateTimeKind.Utc));
        london.StartOfDayUtc(new DateOnly(2026, 1, 15)).ShouldBe(new DateTime(2026, 1, 15, 0, 0, 0, DateTimeKind.Utc));
        ClockFor("America/New_York", SummerNight).StartOfDayUtc(new DateOnly(2026, 7, 15))
            .ShouldBe(new DateTime(2026, 7, 15, 4, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void StartOfDayUtc_WhereMidnightIsSkipped_IsTheFirstMinuteThatExists()
    {
        // Chile moves its clocks forward at midnight: 6 September 2026 begins at 01:00 local (UTC-3), 04:00 UTC.
        var santiago = ClockFor("America/Santiago", SummerNight);

        santiago.StartOfDayUtc(new DateOnly(2026, 9, 6)).ShouldBe(new DateTime(2026, 9, 6, 4, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Dates_AreWrittenInTheOrganisationsZone()
    {
        var london = ClockFor("Europe/London", SummerNight);
        var instant = SummerNight.UtcDateTime;

        london.DayOf(instant).ShouldBe(new DateOnly(2026, 7, 15));
        london.Date(instant).ShouldBe("15 July 2026");
        london.ShortDate(instant).ShouldBe("15 Jul 2026");
        london.ShortDateAndTime(instant).ShouldBe("15 Jul 2026 00:30");
        london.ShortDateAndTime(instant, seconds: true).ShouldBe("15 Jul 2026 00:30:00");
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("Europe/Dublin")]
    [InlineData("America/New_York")]
    [InlineData("Etc/UTC")]
    public void FindZone_AcceptsIanaIds(string id) => OrganisationClock.FindZone(id)!.Id.ShouldBe(id);

    [Theory]
    [InlineData("GMT Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("../../etc/passwd")]
    public void FindZone_RefusesAnythingElse(string? id) => OrganisationClock.FindZone(id).ShouldBeNull();

    [Fact]
    public void AZoneThisMachineDoesNotKnow_FallsBackToLondon() =>
        OrganisationClock.ZoneOf(new Organisation { Name = "x", Slug = "x", TimeZone = "Mars/Olympus_Mons" }).Id.ShouldBe("Europe/London");
}
