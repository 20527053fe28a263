using System.Data.Common;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WithUs.Web.Features.Public;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Bench.Region;

/// <summary>
/// The floor: for each benchmarked page, the fastest query we can write by hand for exactly what the page shows, run
/// through plain ADO.NET and written out as minimal HTML, on the same addresses as the app's pages (so the page
/// list serves both). What each costs is what the database must do for the page; the app's time over it is what
/// EF, Razor, authentication and the framework add. Written against the schema as it is before issue 9's query work:
/// where a page needs an index or a maintained count that does not exist yet, the comment says so, and these queries
/// are to be revised when they land. No authentication, no antiforgery: those are part of what the ratio measures.
/// </summary>
public static partial class Floor
{
    private const int PageSize = 25;

    public static async Task<int> RunAsync(DatabaseProvider provider, string connectionString, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        await using var app = builder.Build();
        await using var db = new FloorDatabase(provider, connectionString);

        app.MapGet("/health/live", () => Results.Text("Healthy"));
        app.MapGet("/o/{org}", (string org) => Page(db, org, (c, o) => StaffHomeAsync(db, c, o)));
        app.MapGet("/o/{org}/voice", (string org, HttpRequest request) => Page(db, org, (c, o) => ContributionsAsync(db, c, o, request)));
        app.MapGet("/o/{org}/voice/{id:guid}", (string org, Guid id) => Page(db, org, (c, o) => ContributionAsync(db, c, o, id)));
        app.MapGet("/o/{org}/voice/owed", (string org) => Page(db, org, (c, o) => OwedAsync(db, c, o)));
        app.MapGet("/o/{org}/voice/owed/{part}", (string org, string part) => Page(db, org, (c, o) => OwedPartAsync(db, c, o, part)));
        app.MapGet("/o/{org}/themes", (string org) => Page(db, org, (c, o) => ThemesAsync(db, c, o)));
        app.MapGet("/o/{org}/people", (string org) => Page(db, org, (c, o) => PeopleAsync(db, c, o)));
        app.MapGet("/o/{org}/people/{id:guid}", (string org, Guid id) => Page(db, org, (c, o) => PersonAsync(db, c, o, id)));
        app.MapGet("/o/{org}/themes/{id:guid}", (string org, Guid id) => Page(db, org, (c, o) => ThemeAsync(db, c, o, id)));
        app.MapGet("/o/{org}/projects", (string org) => Page(db, org, (c, o) => ProjectsAsync(db, c, o)));
        app.MapGet("/o/{org}/projects/{id:guid}", (string org, Guid id) => Page(db, org, (c, o) => ProjectPageAsync(db, c, o, id)));
        app.MapGet("/o/{org}/projects/{id:guid}/decisions", (string org, Guid id) => Page(db, org, (c, o) => DecisionsAsync(db, c, o, id)));
        app.MapGet("/o/{org}/projects/{id:guid}/meetings/{meetingId:guid}", (string org, Guid id, Guid meetingId) =>
            Page(db, org, (c, o) => MeetingAsync(db, c, o, id, meetingId)));
        app.MapGet("/o/{org}/projects/{id:guid}/team", (string org, Guid id) => Page(db, org, (c, o) => TeamAsync(db, c, o, id)));
        app.MapPost("/o/{org}/voice/new", (string org, HttpRequest request) => Page(db, org, async (c, o) =>
            await SimilarAsync(db, c, o, (await request.ReadFormAsync())["Input.Text"].ToString())));
        app.MapGet("/p/{org}", (string org) => Page(db, org, (c, o) => PublicAsync(db, c, o, outcomes: false)));
        app.MapGet("/p/{org}/you-said-we-did", (string org, string? after) =>
            Page(db, org, (c, o) => PublicAsync(db, c, o, outcomes: true, after: PublicIdeaKey.Decode(after))));
        app.MapGet("/p/{org}/you-said-we-did.atom", (string org) => Page(db, org, (c, o) => PublicAsync(db, c, o, outcomes: true, atom: true)));
        await app.RunAsync();
        return 0;
    }

    private sealed record Org(Guid Id, string Name, int Threshold, int WindowDays, int ResponseDays, bool PublicOpen, string TimeZone,
        long VoiceVersion)
    {
        private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

        /// <summary>As the app stores a day: that date at UTC midnight.</summary>
        public DateTime WindowStart => Today.AddDays(-(WindowDays - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        /// <summary>The start, in UTC, of the organisation's local day that the response window began.</summary>
        public DateTime ResponseWindowStart => TimeZoneInfo.ConvertTimeToUtc(
            Today.AddDays(-ResponseDays + 1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
    }

    private static async Task<IResult> Page(FloorDatabase db, string slug, Func<DbConnection, Org, Task<string>> body)
    {
        await using var connection = await db.OpenAsync();
        var org = (await db.QueryAsync(connection,
            """SELECT "Id", "Name", "BuildUpThreshold", "BuildUpWindowDays", "ResponseWindowDays", "PublicPagesOpen", "TimeZone", "VoiceVersion" FROM "Organisations" WHERE "Slug" = @slug""",
            r => new Org(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetBoolean(5), r.GetString(6), r.GetInt64(7)),
            ("slug", slug))).SingleOrDefault();
        if (org is null)
        {
            return Results.NotFound();
        }

        var html = await body(connection, org);
        return Results.Content(html, html.StartsWith("<?xml", StringComparison.Ordinal) ? "application/atom+xml; charset=utf-8" : "text/html; charset=utf-8");
    }

    private static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    private static string Document(string title, StringBuilder body) =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{E(title)}</title></head><body><main><h1>{E(title)}</h1>{body}</main></body></html>";

    /// <summary>Distinct voices: each person once, each anonymous contribution once (as VoiceCounts counts them).</summary>
    private static int Voices(IEnumerable<(Guid Contribution, Guid? Person)> rows)
    {
        var list = rows.DistinctBy(r => r.Contribution).ToList();
        return list.Where(r => r.Person is not null).Select(r => r.Person).Distinct().Count() + list.Count(r => r.Person is null);
    }

    private static async Task<Dictionary<Guid, int>> VoiceCountsAsync(FloorDatabase db, DbConnection c, Guid org, IReadOnlyList<Guid> ideas)
    {
        // Kept on each idea by the database (migration VoiceCountOnEachIdea), read by id.
        var (list, parameters) = FloorDatabase.In("i", ideas);
        var rows = await db.QueryAsync(c,
            $"""SELECT "Id", "VoiceCount" FROM "Contributions" WHERE "OrganisationId" = @org AND "Id" IN {list}""",
            r => (Idea: r.GetGuid(0), Voices: r.GetInt32(1)),
            [("org", org), .. parameters]);
        return rows.ToDictionary(r => r.Idea, r => r.Voices);
    }

    /// <summary>
    /// Every contribution said in the build-up window, with the idea it counts towards, from the covering partial index
    /// on (OrganisationId, SaidOnUtc, Id, LinkedToId, PersonId, TermCount) (migration ThemeCounts; "TermCount" >= 0 is
    /// true of every row and names that index). Reads every row of the window, once per change (KeptWindowAsync).
    /// </summary>
    private static Task<List<(Guid Id, Guid Idea, Guid? Person, DateTime Said)>> WindowAsync(FloorDatabase db, DbConnection c, Org org) =>
        db.QueryAsync(c,
            """
            SELECT "Id", COALESCE("LinkedToId", "Id"), "PersonId", "SaidOnUtc" FROM "Contributions"
            WHERE "OrganisationId" = @org AND "SaidOnUtc" >= @since AND "TermCount" >= 0
            """,
            r => (r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? (Guid?)null : r.GetGuid(2), r.GetDateTime(3)),
            ("org", org.Id), ("since", org.WindowStart));

    /// <summary>Themes of the window's contributions (their own, and their idea's), from the (ContributionId, ThemeId) index.</summary>
    private static async Task<Dictionary<Guid, List<(Guid Contribution, Guid? Person, DateTime Said)>>> ThemeVoicesAsync(
        FloorDatabase db, DbConnection c, Org org, List<(Guid Id, Guid Idea, Guid? Person, DateTime Said)> window)
    {
        var links = await db.QueryAsync(c,
            """
            SELECT ct."ContributionId", ct."ThemeId" FROM "ContributionThemes" ct
            WHERE ct."ContributionId" IN (
                SELECT "Id" FROM "Contributions" WHERE "OrganisationId" = @org AND "SaidOnUtc" >= @since AND "TermCount" >= 0
                UNION SELECT "LinkedToId" FROM "Contributions" WHERE "OrganisationId" = @org AND "SaidOnUtc" >= @since AND "TermCount" >= 0 AND "LinkedToId" IS NOT NULL)
            """,
            r => (Contribution: r.GetGuid(0), Theme: r.GetGuid(1)),
            ("org", org.Id), ("since", org.WindowStart));
        var themesOf = links.ToLookup(l => l.Contribution, l => l.Theme);
        var byTheme = new Dictionary<Guid, List<(Guid, Guid?, DateTime)>>();
        foreach (var row in window)
        {
            foreach (var theme in themesOf[row.Id].Union(themesOf[row.Idea]))
            {
                (byTheme.TryGetValue(theme, out var list) ? list : byTheme[theme] = []).Add((row.Id, row.Person, row.Said));
            }
        }

        return byTheme;
    }
}
