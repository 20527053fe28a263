using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using WithUs.Web.Features.Public;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Bench.Region;

/// <summary>The floor's pages (see <see cref="Floor"/>).</summary>
public static partial class Floor
{
    private const string Row = """
        c."Id", c."Text", c."Kind", c."Channel", c."SaidOnUtc", p."Name", c."PersonId", c."LinkedToId", COALESCE(i."Outcome", c."Outcome")
        """;

    private const string RowJoins = """
        LEFT JOIN "People" p ON p."Id" = c."PersonId" LEFT JOIN "Contributions" i ON i."Id" = c."LinkedToId"
        """;

    private static Guid? NullableGuid(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetGuid(i);

    private static string? NullableString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string Day(DateTime day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static async Task<string> StaffHomeAsync(FloorDatabase db, DbConnection c, Org org)
    {
        // Owed a reply: the rows in the partial indexes of untold and undecided ones, each count stopping at 1,001.
        var owed = (await CountAsync(db, c, Bounded($"""SELECT 1 {Untold} AND c."CanBeTold" ORDER BY c."IdeaOutcomeAtUtc", c."Id" """), org.Id))
            + (await CountAsync(db, c, NoOutcomeCount, org.Id, ("before", org.ResponseWindowStart)));
        var items = (await KeptWindowAsync(db, c, org)).Items;
        var offers = await db.QueryAsync(c,
            """
            SELECT f."Text", s."Text" FROM "SameIdeaOffers" o
            JOIN "Contributions" f ON f."Id" = o."FirstId" AND f."LinkedToId" IS NULL
            JOIN "Contributions" s ON s."Id" = o."SecondId" AND s."LinkedToId" IS NULL
            WHERE o."OrganisationId" = @org AND o."Decision" = 0 ORDER BY o."Score" DESC, o."Id" LIMIT 5
            """,
            r => (r.GetString(0), r.GetString(1)), ("org", org.Id));

        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<h2>Owed a reply: {owed}</h2><h2>Building up</h2><ul>");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><h3>{E(item.Title)}</h3><p>{item.Voices} voices</p><table>");
            foreach (var (week, voices) in Weeks(org, item.Rows))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><th>Week of {week:d MMM yyyy}</th><td>{voices}</td></tr>");
            }

            html.Append("</table></li>");
        }

        html.Append("</ul>");
        foreach (var (first, second) in offers)
        {
            html.Append("<p>").Append(E(first)).Append(" / ").Append(E(second)).Append("</p>");
        }

        return Document(org.Name, html);
    }

    /// <summary>What the staff home and the themes page show of the window: what is building up, and each theme's voices.</summary>
    private sealed record WindowKept(
        List<(string Title, int Voices, List<(Guid Contribution, Guid? Person, DateTime Said)> Rows)> Items,
        Dictionary<Guid, int> ThemeVoices,
        Dictionary<Guid, List<(DateTime Week, int Voices)>> ThemeWeeks);

    /// <summary>
    /// The window's counts, kept per organisation until its voice version moves (the database's triggers move it) or
    /// its day turns, as the app's BuildUpCounts keeps them: seen again, the pages read none of the window.
    /// </summary>
    private static readonly ConcurrentDictionary<Guid, (object AsOf, WindowKept Kept)> KeptWindows = new();

    private static async Task<WindowKept> KeptWindowAsync(FloorDatabase db, DbConnection c, Org org)
    {
        var asOf = (org.VoiceVersion, org.WindowStart, org.Threshold);
        if (KeptWindows.TryGetValue(org.Id, out var kept) && kept.AsOf.Equals(asOf))
        {
            return kept.Kept;
        }

        var window = await WindowAsync(db, c, org);
        var ideas = window.GroupBy(r => r.Idea)
            .Select(g => (Idea: g.Key, Voices: Voices(g.Select(r => (r.Id, r.Person))), Rows: g.ToList()))
            .Where(x => x.Voices >= org.Threshold).OrderByDescending(x => x.Voices).Take(20).ToList();
        var (list, parameters) = FloorDatabase.In("i", ideas.Select(x => x.Idea).ToList());
        var texts = (await db.QueryAsync(c, $"""SELECT "Id", "Text" FROM "Contributions" WHERE "OrganisationId" = @org AND "Id" IN {list}""",
            r => (r.GetGuid(0), r.GetString(1)), [("org", org.Id), .. parameters])).ToDictionary(x => x.Item1, x => x.Item2);
        var themeRows = await ThemeVoicesAsync(db, c, org, window);
        var names = (await db.QueryAsync(c, """SELECT "Id", "Name" FROM "Themes" WHERE "OrganisationId" = @org AND "IsArchived" = @no""",
            r => (r.GetGuid(0), r.GetString(1)), ("org", org.Id), ("no", false))).ToDictionary(x => x.Item1, x => x.Item2);
        var themeVoices = themeRows.ToDictionary(t => t.Key, t => Voices(t.Value.Select(r => (r.Contribution, r.Person))));
        var items = themeRows.Where(t => names.ContainsKey(t.Key) && themeVoices[t.Key] >= org.Threshold)
            .Select(t => (Title: "Theme: " + names[t.Key], Voices: themeVoices[t.Key], Rows: t.Value))
            .Concat(ideas.Where(x => texts.ContainsKey(x.Idea)).Select(x => (Title: texts[x.Idea], x.Voices, Rows: x.Rows.Select(r => (r.Id, r.Person, r.Said)).ToList())))
            .OrderByDescending(x => x.Voices).Take(20).ToList();
        var counted = new WindowKept(items, themeVoices, themeRows.ToDictionary(t => t.Key, t => Weeks(org, t.Value).ToList()));
        KeptWindows[org.Id] = (asOf, counted);
        return counted;
    }

    /// <summary>Voices per week of the window, oldest first, empty weeks included (as BuildUp.OverTime by week).</summary>
    private static IEnumerable<(DateTime Week, int Voices)> Weeks(Org org, List<(Guid Contribution, Guid? Person, DateTime Said)> rows)
    {
        static DateTime WeekOf(DateTime day) => day.Date.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var counted = rows.GroupBy(r => WeekOf(r.Said)).ToDictionary(g => g.Key, g => Voices(g.Select(r => (r.Contribution, r.Person))));
        var today = org.WindowStart.AddDays(org.WindowDays - 1);
        for (var week = WeekOf(org.WindowStart); week <= today; week = week.AddDays(7))
        {
            yield return (week, counted.GetValueOrDefault(week));
        }
    }

    private static async Task<int> CountAsync(FloorDatabase db, DbConnection c, string sql, Guid org, params (string, object?)[] parameters) =>
        Convert.ToInt32((await db.QueryAsync(c, sql, r => r.GetValue(0), [("org", org), ("yes", true), ("no", false), .. parameters]))[0], CultureInfo.InvariantCulture);

    /// <summary>A count that stops at 1,001 rows, as the app's ("more than 1,000").</summary>
    private static string Bounded(string rows) => $"SELECT COUNT(*) FROM ({rows} LIMIT 1001) AS n";

    /// <summary>
    /// Named contributions whose outcome (their idea's, for a "me too", kept on each row by the database's triggers)
    /// they have not been told; with "CanBeTold" or not, exactly the rows of IX_Contributions_UntoldCanBeTold or
    /// IX_Contributions_UntoldNoWayToTell.
    /// </summary>
    private const string Untold = """
        FROM "Contributions" c
        WHERE c."OrganisationId" = @org AND c."PersonId" IS NOT NULL AND c."IdeaOutcome" <> 0
          AND ("ToldAtUtc" IS NULL OR "ToldOutcome" IS NULL OR "ToldOutcome" <> "IdeaOutcome")
        """;

    private const string NoOutcomeWhere = """
        WHERE c."OrganisationId" = @org AND c."LinkedToId" IS NULL AND c."Outcome" = 0 AND c."CreatedAtUtc" < @before
        """;

    private static readonly string NoOutcomeCount = Bounded($"""SELECT 1 FROM "Contributions" c {NoOutcomeWhere}""");

    /// <summary>"Owed a reply": each part's count and its 25 waiting longest (as the app's overview).</summary>
    private static async Task<string> OwedAsync(FloorDatabase db, DbConnection c, Org org)
    {
        var html = new StringBuilder();
        foreach (var (heading, who) in new[] { ("Not told", """c."CanBeTold" """), ("No way to tell them", """NOT c."CanBeTold" """) })
        {
            var count = await CountAsync(db, c, Bounded($"SELECT 1 {Untold} AND {who} ORDER BY c.\"IdeaOutcomeAtUtc\", c.\"Id\""), org.Id);
            html.Append(CultureInfo.InvariantCulture, $"<h2>{heading}: {count}</h2>");
            await UntoldRowsAsync(db, c, org, who, PageSize, html);
        }

        var anonymous = await CountAsync(db, c, Bounded("""
            SELECT 1 FROM "Contributions" c WHERE c."OrganisationId" = @org AND c."PersonId" IS NULL AND c."IdeaOutcome" <> 0
            ORDER BY c."IdeaOutcomeAtUtc", c."Id"
            """), org.Id);
        // Ideas with an outcome that someone without a name waits to read, not published: anonymous rows whose idea is
        // unpublished (IX_Contributions_AnonymousNotPublished, read alone), oldest outcome first, up to 1,001 read,
        // gathered into ideas by the database, each idea's words looked up (joined, SQLite 3.53 walked the organisation).
        var notPublished = await db.QueryAsync(c,
            $"""
            SELECT g."Idea", (SELECT i."Text" FROM "Contributions" i WHERE i."OrganisationId" = @org AND i."Id" = g."Idea") FROM (
                SELECT COALESCE(r."LinkedToId", r."Id") AS "Idea", MIN(r."IdeaOutcomeAtUtc") AS "Decided" FROM (
                    SELECT c."Id", c."LinkedToId", c."IdeaOutcomeAtUtc" FROM "Contributions" c
                    WHERE c."OrganisationId" = @org AND c."PersonId" IS NULL AND c."IdeaOutcome" <> 0 AND NOT c."IdeaIsPublished"
                    ORDER BY c."IdeaOutcomeAtUtc", c."Id" LIMIT 1001) AS r
                GROUP BY COALESCE(r."LinkedToId", r."Id")) AS g
            ORDER BY g."Decided", g."Idea" LIMIT {PageSize}
            """,
            r => (r.GetGuid(0), r.GetString(1)), ("org", org.Id));
        html.Append(CultureInfo.InvariantCulture, $"<p>{anonymous} said without a name</p><ul>");
        foreach (var (id, text) in notPublished)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/o/x/voice/{id}\">{E(VoiceText.Excerpt(text, 120))}</a></li>");
        }

        var noOutcome = await CountAsync(db, c, NoOutcomeCount, org.Id, ("before", org.ResponseWindowStart));
        var waiting = await db.QueryAsync(c,
            $"""
            SELECT c."Id", c."Text", p."Name", c."CreatedAtUtc" FROM "Contributions" c LEFT JOIN "People" p ON p."Id" = c."PersonId"
            {NoOutcomeWhere} ORDER BY c."CreatedAtUtc", c."Id" LIMIT {PageSize}
            """,
            r => (r.GetGuid(0), r.GetString(1), NullableString(r, 2), r.GetDateTime(3)), ("org", org.Id), ("before", org.ResponseWindowStart));
        html.Append(CultureInfo.InvariantCulture, $"</ul><h2>No outcome yet: {noOutcome}</h2><table>");
        foreach (var (id, text, name, recorded) in waiting)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/o/x/voice/{id}\">{E(VoiceText.Excerpt(text, 120))}</a></td><td>{E(name)}</td><td>{Day(recorded)}</td></tr>");
        }

        return Document("Owed a reply", html.Append("</table>"));
    }

    /// <summary>One part of "owed a reply" on its own page: the first 100 of those not told, and their count.</summary>
    private static async Task<string> OwedPartAsync(FloorDatabase db, DbConnection c, Org org, string part)
    {
        if (part != "not-told")
        {
            return Document("Not measured", new StringBuilder("<p>The bench measures the part of those not told.</p>"));
        }

        const string who = """c."CanBeTold" """;
        var html = new StringBuilder();
        var count = await CountAsync(db, c, Bounded($"SELECT 1 {Untold} AND {who} ORDER BY c.\"IdeaOutcomeAtUtc\", c.\"Id\""), org.Id);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Not told: {count}</h1>");
        await UntoldRowsAsync(db, c, org, who, 100, html);
        return Document("Not told", html);
    }

    /// <summary>The untold rows of one part in the part's order, each with its idea's words and the person's name.</summary>
    private static async Task UntoldRowsAsync(FloorDatabase db, DbConnection c, Org org, string who, int take, StringBuilder html)
    {
        var rows = await db.QueryAsync(c,
            $"""
            SELECT s."Id", s."Text", i."Text", p."Name", s."IdeaOutcome", s."IdeaOutcomeAtUtc" FROM (
                SELECT c."Id", c."Text", c."LinkedToId", c."PersonId", c."IdeaOutcome", c."IdeaOutcomeAtUtc" {Untold} AND {who}
                ORDER BY c."IdeaOutcomeAtUtc", c."Id" LIMIT {take + 1}) AS s
            JOIN "People" p ON p."Id" = s."PersonId"
            LEFT JOIN "Contributions" i ON i."Id" = s."LinkedToId"
            ORDER BY s."IdeaOutcomeAtUtc", s."Id"
            """,
            r => (r.GetGuid(0), r.GetString(1), NullableString(r, 2), r.GetString(3), r.GetInt32(4)),
            ("org", org.Id));
        html.Append("<table>");
        foreach (var (id, text, idea, name, outcome) in rows.Take(take))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"/o/x/voice/{id}\">{E(VoiceText.Said(text, idea is not null, 120))}</a></td><td>{E(name)}</td><td>{(OutcomeStatus)outcome}</td><td><a href=\"/o/x/voice/{id}/told\">Told</a></td></tr>");
        }

        html.Append("</table>");
    }

    private static async Task<string> ThemeAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        var theme = (await db.QueryAsync(c,
            """SELECT "Name", "Description", "IsArchived", "ContributionCount" FROM "Themes" WHERE "OrganisationId" = @org AND "Id" = @id""",
            r => (Name: r.GetString(0), Description: NullableString(r, 1), Archived: r.GetBoolean(2), Count: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)),
            ("org", org.Id), ("id", id))).SingleOrDefault();
        if (theme == default)
        {
            return Document("Page not found", new StringBuilder());
        }

        // The newest 100, with the outcome of their idea kept on each row. A theme of few from its links, sorted here;
        // a theme of many by walking the list index newest first, each row looked up in the theme, as the app does.
        const string Columns = """c."Id", c."Text", c."Kind", c."IdeaOutcome", c."SaidOnUtc", c."CreatedAtUtc" """;
        var rows = theme.Count <= 1_000
            ? await db.QueryAsync(c,
                $"""
                SELECT {Columns} FROM "Contributions" c
                WHERE c."OrganisationId" = @org AND c."Id" IN (SELECT "ContributionId" FROM "ContributionThemes" WHERE "ThemeId" = @id)
                """,
                r => (Id: r.GetGuid(0), Text: r.GetString(1), Kind: (ContributionKind)r.GetInt32(2), Outcome: (OutcomeStatus)r.GetInt32(3), Said: r.GetDateTime(4), Created: r.GetDateTime(5)),
                ("org", org.Id), ("id", id))
            : await db.QueryAsync(c,
                $"""
                SELECT {Columns} FROM "Contributions" c
                WHERE c."OrganisationId" = @org AND EXISTS (SELECT 1 FROM "ContributionThemes" ct WHERE ct."ContributionId" = c."Id" AND ct."ThemeId" = @id)
                ORDER BY c."SaidOnUtc" DESC, c."CreatedAtUtc" DESC, c."Id" DESC LIMIT 100
                """,
                r => (Id: r.GetGuid(0), Text: r.GetString(1), Kind: (ContributionKind)r.GetInt32(2), Outcome: (OutcomeStatus)r.GetInt32(3), Said: r.GetDateTime(4), Created: r.GetDateTime(5)),
                ("org", org.Id), ("id", id));
        var kept = await KeptWindowAsync(db, c, org);
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<p>{E(theme.Description)}{(theme.Archived ? " (archived)" : "")}</p><p>{kept.ThemeVoices.GetValueOrDefault(id)} voices</p><table>");
        foreach (var (week, voices) in kept.ThemeWeeks.GetValueOrDefault(id) ?? Weeks(org, []).ToList())
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>Week of {week:d MMM yyyy}</th><td>{voices}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</table><h2>{theme.Count} contributions</h2><ul>");
        foreach (var row in rows.OrderByDescending(r => r.Said).ThenByDescending(r => r.Created).ThenByDescending(r => r.Id).Take(100))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/o/x/voice/{row.Id}\">{E(VoiceText.Excerpt(row.Text, 160))}</a> {row.Kind} {Day(row.Said)} {row.Outcome}</li>");
        }

        return Document(theme.Name, html.Append("</ul>"));
    }

    private static async Task<string> ThemesAsync(FloorDatabase db, DbConnection c, Org org)
    {
        // Each theme's contributions from the count its links' triggers keep, and recent voices from the window's kept
        // counts, as the staff home.
        var themes = await db.QueryAsync(c,
            """
            SELECT t."Id", t."Name", t."IsArchived", t."ContributionCount"
            FROM "Themes" t WHERE t."OrganisationId" = @org ORDER BY t."IsArchived", t."Name"
            """,
            r => (r.GetGuid(0), r.GetString(1), r.GetBoolean(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)), ("org", org.Id));
        var recent = (await KeptWindowAsync(db, c, org)).ThemeVoices;
        var html = new StringBuilder("<table>");
        foreach (var (id, name, archived, contributions) in themes)
        {
            var voices = recent.GetValueOrDefault(id);
            html.Append(CultureInfo.InvariantCulture, $"<tr><th><a href=\"/o/x/themes/{id}\">{E(name)}</a>{(archived ? " (archived)" : "")}</th><td>{contributions}</td><td>{voices}</td></tr>");
        }

        return Document("Themes", html.Append("</table>"));
    }

    private static async Task<string> ContributionsAsync(FloorDatabase db, DbConnection c, Org org, HttpRequest request)
    {
        var themes = await db.QueryAsync(c, """SELECT "Id", "Name" FROM "Themes" WHERE "OrganisationId" = @org ORDER BY "Name" """,
            r => (r.GetGuid(0), r.GetString(1)), ("org", org.Id));
        var search = request.Query["q"].ToString().Trim();
        var terms = TextAnalyser.Words(search).Select(w => w.Stem).Distinct(StringComparer.Ordinal).Take(8).ToList();
        var parameters = new List<(string, object?)> { ("org", org.Id) };
        string source, where, order;
        if (terms.Count > 0)
        {
            // Driven by the first word's entries in the (OrganisationId, Term, ContributionId) index; each further word
            // is one more index probe. The order needs every match's text (no index can give "best match first").
            source = """ "ContributionTerms" t0 JOIN "Contributions" c ON c."Id" = t0."ContributionId" """;
            where = """t0."OrganisationId" = @org AND t0."Term" = @t0""" + string.Concat(terms.Skip(1).Select((_, i) =>
                $""" AND EXISTS (SELECT 1 FROM "ContributionTerms" t WHERE t."OrganisationId" = @org AND t."Term" = @t{i + 1} AND t."ContributionId" = c."Id")"""));
            parameters.AddRange(terms.Select((t, i) => ($"t{i}", (object?)t)));
            parameters.Add(("lowered", search.ToLowerInvariant()));
            order = $"""CASE WHEN {db.ContainsLowered("c.\"Text\"", "@lowered")} THEN 0 ELSE 1 END, c."TermCount", c."SaidOnUtc" DESC, c."CreatedAtUtc" DESC, c."Id" DESC""";
        }
        else if (Guid.TryParse(request.Query["theme"], out var theme))
        {
            // From the ThemeId index; sorting the theme's contributions needs them all (no index holds the order).
            source = """ "ContributionThemes" ct JOIN "Contributions" c ON c."Id" = ct."ContributionId" """;
            where = """ct."ThemeId" = @theme AND c."OrganisationId" = @org""";
            parameters.Add(("theme", theme));
            order = """c."SaidOnUtc" DESC, c."CreatedAtUtc" DESC, c."Id" DESC""";
        }
        else
        {
            // A seek in the (OrganisationId, SaidOnUtc, CreatedAtUtc, Id) index from the row the link carries: the page
            // reads its own rows, wherever it is in the list.
            source = """ "Contributions" c """;
            where = """c."OrganisationId" = @org""";
            order = """c."SaidOnUtc" DESC, c."CreatedAtUtc" DESC, c."Id" DESC""";
            if (VoiceListKey.Decode(request.Query["after"]) is { } after)
            {
                where += """ AND (c."SaidOnUtc", c."CreatedAtUtc", c."Id") < (@said, @created, @id)""";
                parameters.AddRange([("said", after.SaidOnUtc), ("created", after.CreatedAtUtc), ("id", after.Id)]);
            }
        }

        // Counted no further than the page says ("more than 1,000"), as the app counts.
        var total = await CountAsync(db, c, $"SELECT COUNT(*) FROM (SELECT 1 FROM {source} WHERE {where} LIMIT 1001) n", org.Id, [.. parameters.Skip(1)]);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        const int page = 1;
        // The page's 25 rows first, then their people and ideas: joined before the sort, SQLite would look up every row's.
        var rows = await db.QueryAsync(c,
            $"""
            SELECT {Row} FROM (
                SELECT c."Id", c."Text", c."Kind", c."Channel", c."SaidOnUtc", c."CreatedAtUtc", c."PersonId", c."LinkedToId", c."Outcome", c."TermCount"
                FROM {source} WHERE {where} ORDER BY {order} LIMIT {PageSize} OFFSET {(page - 1) * PageSize}) c
            {RowJoins} ORDER BY {order}
            """,
            r => (Id: r.GetGuid(0), Text: r.GetString(1), Kind: (ContributionKind)r.GetInt32(2), Channel: (Channel)r.GetInt32(3), Said: r.GetDateTime(4),
                Person: NullableString(r, 5), Linked: NullableGuid(r, 7), Outcome: (OutcomeStatus)r.GetInt32(8)),
            [.. parameters]);
        var voices = await VoiceCountsAsync(db, c, org.Id, rows.Select(r => r.Linked ?? r.Id).Distinct().ToList());

        var html = new StringBuilder("<form><select name=\"theme\">");
        foreach (var (id, name) in themes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{id}\">{E(name)}</option>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</select></form><p>{total} things said, page {page} of {pages}</p><table>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"/o/x/voice/{row.Id}\">{E(VoiceText.Said(row.Text, row.Linked is not null, 200))}</a></td><td>{row.Kind}</td><td>{row.Channel}</td><td>{Day(row.Said)}</td><td>{E(row.Person)}</td><td>{voices.GetValueOrDefault(row.Linked ?? row.Id, 1)}</td><td>{row.Outcome}</td></tr>");
        }

        return Document("What people said", html.Append("</table>"));
    }

    private static async Task<string> ContributionAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        var item = (await db.QueryAsync(c,
            $"""
            SELECT {Row}, c."Provenance", c."RelayedBy", c."RecordedByUserId", i."Text", c."OutcomeExplanation", c."ToldAtUtc", c."ToldOutcome",
                   c."IsPublished", c."PublicSummary", c."PublicOutcome", u."DisplayName"
            FROM "Contributions" c {RowJoins} LEFT JOIN "AspNetUsers" u ON u."Id" = c."RecordedByUserId"
            WHERE c."OrganisationId" = @org AND c."Id" = @id
            """,
            r => (Text: r.GetString(1), Kind: (ContributionKind)r.GetInt32(2), Said: r.GetDateTime(4), Person: NullableString(r, 5), Linked: NullableGuid(r, 7),
                Outcome: (OutcomeStatus)r.GetInt32(8), RelayedBy: NullableString(r, 10), IdeaText: NullableString(r, 12), Explanation: NullableString(r, 13),
                Told: r.IsDBNull(14) ? (DateTime?)null : r.GetDateTime(14), Summary: NullableString(r, 17), RecordedBy: NullableString(r, 19)),
            ("org", org.Id), ("id", id))).SingleOrDefault();
        if (item == default)
        {
            return Document("Page not found", new StringBuilder());
        }

        var idea = item.Linked ?? id;
        var themes = await db.QueryAsync(c,
            """SELECT t."Name" FROM "ContributionThemes" ct JOIN "Themes" t ON t."Id" = ct."ThemeId" WHERE ct."ContributionId" = @id ORDER BY t."Name" """,
            r => r.GetString(0), ("id", id));
        var voices = (await VoiceCountsAsync(db, c, org.Id, [idea])).GetValueOrDefault(idea, 1);
        // Sorted here, as the app does: given ORDER BY SaidOnUtc, SQLite walks the organisation's whole list index in
        // that order instead of reading this idea's voices by LinkedToId (46 ms against the app's 15 at 100,000). Only
        // the newest 50 are shown, with their words and names.
        var newest = item.Linked is not null ? [] : (await db.QueryAsync(c,
            """SELECT v."Id", v."SaidOnUtc", v."CreatedAtUtc" FROM "Contributions" v WHERE v."OrganisationId" = @org AND v."LinkedToId" = @id""",
            r => (Id: r.GetGuid(0), Said: r.GetDateTime(1), Created: r.GetDateTime(2)), ("org", org.Id), ("id", id)))
            .OrderByDescending(v => v.Said).ThenByDescending(v => v.Created).ThenByDescending(v => v.Id).Take(50).Select(v => v.Id).ToList();
        var (shown, shownParameters) = FloorDatabase.In("v", newest);
        var others = newest.Count == 0 ? [] : (await db.QueryAsync(c,
            $"""
            SELECT v."Text", v."SaidOnUtc", p."Name", v."ToldAtUtc", v."CreatedAtUtc", v."Id" FROM "Contributions" v LEFT JOIN "People" p ON p."Id" = v."PersonId"
            WHERE v."OrganisationId" = @org AND v."Id" IN {shown}
            """,
            r => (Text: r.GetString(0), Said: r.GetDateTime(1), Name: NullableString(r, 2), Told: !r.IsDBNull(3), Created: r.GetDateTime(4), Id: r.GetGuid(5)),
            [("org", org.Id), .. shownParameters]))
            .OrderByDescending(v => v.Said).ThenByDescending(v => v.Created).ThenByDescending(v => v.Id).Select(v => (v.Text, v.Said, v.Name, v.Told)).ToList();
        var offers = item.Linked is not null ? [] : await db.QueryAsync(c,
            """SELECT o."Id" FROM "SameIdeaOffers" o WHERE o."OrganisationId" = @org AND o."Decision" = 0 AND (o."FirstId" = @id OR o."SecondId" = @id) LIMIT 5""",
            r => r.GetGuid(0), ("org", org.Id), ("id", id));
        var interested = await db.QueryAsync(c,
            """SELECT p."Name", i."Kind" FROM "Interests" i JOIN "People" p ON p."Id" = i."PersonId" WHERE i."ContributionId" = @idea ORDER BY i."CreatedAtUtc" """,
            r => (r.GetString(0), r.GetInt32(1)), ("idea", idea));

        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<p>{E(item.Text)}</p><dl><dt>Kind</dt><dd>{item.Kind}</dd><dt>Said on</dt><dd>{Day(item.Said)}</dd><dt>Who</dt><dd>{E(item.Person)} {E(item.RelayedBy)}</dd><dt>Recorded by</dt><dd>{E(item.RecordedBy)}</dd><dt>Themes</dt><dd>{E(string.Join(", ", themes))}</dd><dt>Voices</dt><dd>{voices}</dd><dt>Outcome</dt><dd>{item.Outcome} {E(item.Explanation)}</dd><dt>Told</dt><dd>{(item.Told is { } told ? Day(told) : "Not told yet")}</dd><dt>Published</dt><dd>{E(item.Summary)}</dd><dt>Idea</dt><dd>{E(item.IdeaText)}</dd></dl><h2>Voices</h2><ul>");
        foreach (var (text, said, name, wasTold) in others)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(VoiceText.Said(text, true))} {Day(said)} {E(name)} {(wasTold ? "told" : "")}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{offers.Count} offers</p><ul>");
        foreach (var (name, kind) in interested)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(name)} {kind}</li>");
        }

        return Document("What was said", html.Append("</ul>"));
    }

    /// <summary>
    /// Similar suggestions while typing: the lexical half only, summing each shared term's rarity (document counts
    /// from the (OrganisationId, Term, ContributionId) index) over the candidates, weighed by their length. The app
    /// also embeds the text and compares it with every stored vector in memory; neither database can do that in SQL
    /// here (no pgvector), so the floor leaves it out and the ratio for this page includes the embedding.
    /// </summary>
    private static async Task<string> SimilarAsync(FloorDatabase db, DbConnection c, Org org, string text)
    {
        var terms = TextAnalyser.Terms(text).ToList();
        var html = new StringBuilder("<div id=\"similar\"><ul>");
        if (terms.Count > 0)
        {
            var all = await CountAsync(db, c, """SELECT COUNT(*) FROM "Contributions" WHERE "OrganisationId" = @org""", org.Id);
            var list = "(" + string.Join(", ", terms.Select((_, i) => $"@t{i}")) + ")";
            var hits = await db.QueryAsync(c,
                $"""SELECT "Term", "ContributionId" FROM "ContributionTerms" WHERE "OrganisationId" = @org AND "Term" IN {list}""",
                r => (Term: r.GetString(0), Id: r.GetGuid(1)), [("org", org.Id), .. terms.Select((t, i) => ($"t{i}", (object?)t))]);
            var rarity = hits.GroupBy(h => h.Term).ToDictionary(g => g.Key, g => Math.Log(1 + (all / (double)g.Count())), StringComparer.Ordinal);
            var best = hits.GroupBy(h => h.Id).Select(g => (Id: g.Key, Score: g.Sum(h => rarity[h.Term])))
                .OrderByDescending(x => x.Score).Take(64).ToList();
            var (ids, parameters) = FloorDatabase.In("i", best.Select(b => b.Id).ToList());
            var candidates = await db.QueryAsync(c,
                $"""SELECT "Id", "Text", "TermCount", "LinkedToId" FROM "Contributions" WHERE "OrganisationId" = @org AND "Id" IN {ids}""",
                r => (Id: r.GetGuid(0), Text: r.GetString(1), Terms: r.GetInt32(2), Linked: NullableGuid(r, 3)), [("org", org.Id), .. parameters]);
            var score = best.ToDictionary(b => b.Id, b => b.Score);
            foreach (var found in candidates.Where(x => x.Linked is null).OrderByDescending(x => score[x.Id] / Math.Sqrt(Math.Max(1, x.Terms))).Take(3))
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/o/x/voice/{found.Id}\">{E(VoiceText.Excerpt(found.Text, 160))}</a></li>");
            }
        }

        return html.Append("</ul></div>").ToString();
    }

    private static async Task<string> PublicAsync(FloorDatabase db, DbConnection c, Org org, bool outcomes, bool atom = false,
        PublicIdeaKey? after = null)
    {
        if (!org.PublicOpen)
        {
            return Document("Page not found", new StringBuilder());
        }

        // What the page shows, newest first by the date it shows (the outcome's, or for one not yet decided, the day it
        // was published): two seeks, one in each partial index of published ideas, each from the page's key, merged.
        // The landing shows 50 open ideas; "You said, we did" a page of 25 with an outcome; the feed the newest 50.
        var take = outcomes && !atom ? YouSaidWeDidModel.PageSize : 50;
        var seek = after is null ? "" : "AND ({0} < @date OR ({0} = @date AND c.\"Id\" < @id))";
        string Part(string date, string filter) => $"""
            SELECT * FROM (
                SELECT c."Id", c."PublicSummary", c."Outcome", c."NotPossibleReason", c."PublicOutcome", {date} AS "Shown"
                FROM "Contributions" c
                WHERE c."OrganisationId" = @org AND c."IsPublished" AND {filter} {string.Format(CultureInfo.InvariantCulture, seek, date)}
                  AND c."LinkedToId" IS NULL AND c."PublicSummary" IS NOT NULL AND c."PublicSummary" <> ''

                ORDER BY {date} DESC, c."Id" DESC LIMIT {take}) AS p
            """;
        var outcome = outcomes ? "c.\"Outcome\" <> 0" : "c.\"Outcome\" <> 4";
        var ideas = (await db.QueryAsync(c,
                $"""
                {Part("c.\"OutcomeAtUtc\"", $"c.\"OutcomeAtUtc\" IS NOT NULL AND {outcome}")}
                UNION ALL
                {Part("c.\"PublishedAtUtc\"", $"c.\"OutcomeAtUtc\" IS NULL AND c.\"PublishedAtUtc\" IS NOT NULL AND {outcome}")}
                """,
                r => (Id: r.GetGuid(0), Summary: NullableString(r, 1), Outcome: (OutcomeStatus)r.GetInt32(2),
                    Reason: r.IsDBNull(3) ? (NotPossibleReason?)null : (NotPossibleReason)r.GetInt32(3), Said: NullableString(r, 4), Date: r.GetDateTime(5)),
                ("org", org.Id), ("date", after?.Date ?? default), ("id", after?.Id ?? default)))
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).Take(take)
            .Select(i => (i.Id, Summary: i.Summary!, i.Outcome, i.Reason, i.Said, i.Date))
            .ToList();
        var (list, parameters) = FloorDatabase.In("i", ideas.Select(i => i.Id).ToList());
        var themes = (await db.QueryAsync(c,
                $"""SELECT ct."ContributionId", t."Name" FROM "ContributionThemes" ct JOIN "Themes" t ON t."Id" = ct."ThemeId" WHERE ct."ContributionId" IN {list}""",
                r => (r.GetGuid(0), r.GetString(1)), parameters))
            .ToLookup(x => x.Item1, x => x.Item2);
        var voices = await VoiceCountsAsync(db, c, org.Id, ideas.Select(i => i.Id).ToList());
        var html = new StringBuilder();
        if (atom)
        {
            html.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .Append(CultureInfo.InvariantCulture, $"<id>urn:uuid:{org.Id}</id><title>{E(org.Name)}</title>");
            foreach (var idea in ideas)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<entry><id>urn:uuid:{idea.Id}</id><title>{E(idea.Summary)}</title><updated>{idea.Date:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated>{string.Concat(themes[idea.Id].Select(t => $"<category term=\"{E(t)}\"/>"))}<content>{E(string.Join(' ', PublicWords.WeDid(idea.Outcome, idea.Reason, idea.Said)))} {voices.GetValueOrDefault(idea.Id, 1)}</content></entry>");
            }

            return html.Append("</feed>").ToString();
        }

        foreach (var group in ideas.SelectMany(i => themes[i.Id].DefaultIfEmpty("Other things you told us").Select(t => (Theme: t, Idea: i))).GroupBy(x => x.Theme).OrderBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase))
        {
            html.Append("<h2>").Append(E(group.Key)).Append("</h2><ul>");
            foreach (var (_, idea) in group)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<li><h3>{E(idea.Summary)}</h3><p>{E(string.Join(' ', PublicWords.WeDid(idea.Outcome, idea.Reason, idea.Said)))}</p><p>{voices.GetValueOrDefault(idea.Id, 1)} voices</p></li>");
            }

            html.Append("</ul>");
        }

        return Document(outcomes ? "You said, we did" : org.Name, html);
    }
}
