namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>The tenant: everything tenant-owned belongs to exactly one organisation.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The lower-case, URL-safe name used in addresses: /o/{slug}/.</summary>
    public required string Slug { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>How many distinct voices make an idea or theme "build up" (seed 000: "until I get a bit of a build-up").</summary>
    public int BuildUpThreshold { get; set; } = DefaultBuildUpThreshold;

    /// <summary>The window, in days, within which those voices must fall.</summary>
    public int BuildUpWindowDays { get; set; } = DefaultBuildUpWindowDays;

    /// <summary>After this many days with no outcome, the person is owed a reply.</summary>
    public int ResponseWindowDays { get; set; } = DefaultResponseWindowDays;

    /// <summary>
    /// How many years a person we have not heard from (no words, role, training, answer or contact) is kept before an
    /// administrator is asked to confirm their erasure (People's RetentionJob).
    /// </summary>
    public int RetentionYears { get; set; } = DefaultRetentionYears;

    /// <summary>Whether the public pages (add your voice, "You said, we did") are open.</summary>
    public bool PublicPagesOpen { get; set; } = true;

    /// <summary>
    /// The IANA time zone whose days the organisation lives by ("today", "this week", dates shown without a time);
    /// see <see cref="OrganisationClock"/>.
    /// </summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>
    /// The version of the text analyser that made this organisation's similarity index (Voice's TermReindexJob
    /// re-indexes its contributions when the analyser's version is newer). 0: not yet known to be current.
    /// </summary>
    public int TermIndexVersion { get; set; }

    /// <summary>
    /// Goes up whenever something "building up" counts or shows changes in this organisation (a contribution, a theme
    /// link, a theme's name): moved by the database's triggers only (migration VoiceVersion), never written by EF, so a
    /// count kept in memory (Themes.BuildUpCounts) knows when it is out of date.
    /// </summary>
    public long VoiceVersion { get; private set; }

    public const int NameMaxLength = 120;
    public const int TimeZoneMaxLength = 64;
    public const string DefaultTimeZone = "Europe/London";
    public const int SlugMaxLength = 60;
    public const int DefaultBuildUpThreshold = 5;
    public const int DefaultBuildUpWindowDays = 90;
    public const int DefaultResponseWindowDays = 28;
    public const int DefaultRetentionYears = 3;
    public const int MaxRetentionYears = 20;
}
