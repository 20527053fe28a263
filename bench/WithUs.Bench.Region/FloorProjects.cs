using System.Data.Common;
using System.Globalization;
using System.Text;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Projects.Decisions;
using WithUs.Web.Features.Projects.Meetings;
using WithUs.Web.Features.Voice;

namespace WithUs.Bench.Region;

/// <summary>
/// The floor's project pages (see <see cref="Floor"/>): the list, a project at a glance, its decision log, one of its
/// meetings and its team. Each reads what the page shows by the project's (or meeting's) id, through the indexes the
/// app's mapping makes; the rules that turn rows into words (the current phase, the access gap, a level's name) are
/// the app's own. A team is read by scanning ProjectMembers, as the app reads it: no index serves "ProjectId = ?"
/// (its unique indexes on ProjectId are partial, for current members); a plain (ProjectId) index would make it a seek.
/// </summary>
public static partial class Floor
{
    private const int ProjectsPageSize = 50;
    private const int DecisionsPageSize = 50;
    private const int IdeasShown = 20;

    /// <summary>Someone in a project's team, as the pages name them: a partner's name from People, staff's from their account.</summary>
    private sealed record Member(Guid Id, string Name, bool IsPartner, string Role, string? Gives, DateTime? Left, Invited Needs);

    private const string MemberColumns = """
        m."Id", COALESCE(p."Name", u."DisplayName", ''), m."PersonId" IS NOT NULL, m."Role", m."Gives", m."LeftAtUtc",
        p."AccessNeeds", p."InterpreterLanguage", p."OtherAccessNeed"
        """;

    private const string MemberJoins = """
        LEFT JOIN "People" p ON p."Id" = m."PersonId" LEFT JOIN "AspNetUsers" u ON u."Id" = m."UserId"
        """;

    /// <summary>A <see cref="Member"/> from <see cref="MemberColumns"/>, which start at column <paramref name="at"/>.</summary>
    private static Member ReadMember(DbDataReader r, int at = 0)
    {
        var (id, name, partner) = (r.GetGuid(at), r.GetString(at + 1), r.GetBoolean(at + 2));
        var needs = r.IsDBNull(at + 6) ? AccessNeed.None : (AccessNeed)r.GetInt32(at + 6);
        return new Member(id, name, partner, r.GetString(at + 3), NullableString(r, at + 4), r.IsDBNull(at + 5) ? null : r.GetDateTime(at + 5),
            new Invited(id, name, partner, needs, NullableString(r, at + 7), NullableString(r, at + 8)));
    }

    private sealed record ProjectRow(string Title, string? Purpose, Guid? Theme, DateTime? Delivered, string? Summary);

    /// <summary>The organisation's own names for the phases, if it gave any.</summary>
    private static async Task<Dictionary<CoPhase, string>> PhaseNamesAsync(FloorDatabase db, DbConnection c, Org org) =>
        (await db.QueryAsync(c, """SELECT "Phase", "Name" FROM "PhaseNames" WHERE "OrganisationId" = @org""",
            r => (Phase: (CoPhase)r.GetInt32(0), Name: r.GetString(1)), ("org", org.Id))).ToDictionary(n => n.Phase, n => n.Name);

    private static async Task<ProjectRow?> ProjectAsync(FloorDatabase db, DbConnection c, Org org, Guid id) =>
        (await db.QueryAsync(c,
            """SELECT "Title", "Purpose", "ThemeId", "DeliveredAtUtc", "DeliverySummary" FROM "Projects" WHERE "OrganisationId" = @org AND "Id" = @id""",
            r => new ProjectRow(r.GetString(0), NullableString(r, 1), NullableGuid(r, 2), r.IsDBNull(3) ? null : r.GetDateTime(3), NullableString(r, 4)),
            ("org", org.Id), ("id", id))).SingleOrDefault();

    private static async Task<List<Member>> MembersAsync(FloorDatabase db, DbConnection c, Guid project) =>
        await db.QueryAsync(c, $"""SELECT {MemberColumns} FROM "ProjectMembers" m {MemberJoins} WHERE m."ProjectId" = @project""", r => ReadMember(r), ("project", project));

    private static Task<List<(BoundaryKind Kind, string Text, BoundaryReason? Reason, string? Why, DateTime? Ended)>> BoundariesAsync(
        FloorDatabase db, DbConnection c, Guid project, bool standingOnly) =>
        db.QueryAsync(c,
            $"""
            SELECT "Kind", "Text", "Reason", "ReasonText", "EndedAtUtc" FROM "ProjectBoundaries"
            WHERE "ProjectId" = @project{(standingOnly ? """ AND "EndedAtUtc" IS NULL""" : "")} ORDER BY "AddedAtUtc", "Id"
            """,
            r => ((BoundaryKind)r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? (BoundaryReason?)null : (BoundaryReason)r.GetInt32(2), NullableString(r, 3),
                r.IsDBNull(4) ? (DateTime?)null : r.GetDateTime(4)),
            ("project", project));

    /// <summary>How many of a project's decisions sit on each rung, top first, from the (ProjectId, DecidedOn) index.</summary>
    private static async Task<string> ProfileAsync(FloorDatabase db, DbConnection c, Guid project)
    {
        var counts = (await db.QueryAsync(c, """SELECT "Level", COUNT(*) FROM "ProjectDecisions" WHERE "ProjectId" = @project GROUP BY "Level" """,
            r => (Level: (ParticipationLevel)r.GetInt32(0), Count: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), ("project", project)))
            .ToDictionary(x => x.Level, x => x.Count);
        var total = counts.Values.Sum();
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<p>{counts.Where(x => x.Key.IsShared()).Sum(x => x.Value)} of {total} co-designed or co-produced</p><table>");
        foreach (var level in ParticipationLevelWords.All.Reverse())
        {
            var count = counts.GetValueOrDefault(level);
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><th>{level.Words()}<br>{E(level.Description())}</th><td>{count}</td><td>{(total == 0 ? 0 : Math.Round(100.0 * count / total, 1))}</td></tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>The newest 50 projects: each with where it stands (its phases, read together) and how many ideas led to it.</summary>
    private static async Task<string> ProjectsAsync(FloorDatabase db, DbConnection c, Org org)
    {
        var names = await PhaseNamesAsync(db, c, org);
        var total = (await db.QueryAsync(c, """SELECT COUNT(*) FROM "Projects" WHERE "OrganisationId" = @org""", r => r.GetInt64(0), ("org", org.Id)))[0];
        var projects = await db.QueryAsync(c,
            $"""
            SELECT p."Id", p."Title", p."CreatedAtUtc", p."DeliveredAtUtc",
                   (SELECT COUNT(*) FROM "Contributions" c WHERE c."ProjectId" = p."Id" AND c."LinkedToId" IS NULL)
            FROM "Projects" p WHERE p."OrganisationId" = @org ORDER BY p."CreatedAtUtc" DESC, p."Id" LIMIT {ProjectsPageSize}
            """,
            r => (Id: r.GetGuid(0), Title: r.GetString(1), Started: r.GetDateTime(2), Delivered: !r.IsDBNull(3), Ideas: r.GetInt64(4)),
            ("org", org.Id));
        var (list, parameters) = FloorDatabase.In("p", projects.Select(p => p.Id).ToList());
        var phases = (await db.QueryAsync(c, $"""SELECT "ProjectId", "Phase", "Status" FROM "ProjectPhases" WHERE "ProjectId" IN {list}""",
            r => (Project: r.GetGuid(0), Phase: new ProjectPhase { Phase = (CoPhase)r.GetInt32(1), Status = (PhaseStatus)r.GetInt32(2) }), parameters))
            .ToLookup(p => p.Project, p => p.Phase);
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<table><caption>{total} projects</caption>");
        foreach (var p in projects)
        {
            var current = ProjectPhase.Current([.. phases[p.Id]]);
            var status = phases[p.Id].FirstOrDefault(x => x.Phase == current)?.Status ?? PhaseStatus.NotStarted;
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><a href=\"/o/x/projects/{p.Id}\">{E(p.Title)}</a></td><td>{(p.Delivered ? "Delivered" : $"{E(names.GetValueOrDefault(current, current.DefaultName()))}: {status.Words()}")}</td><td>{p.Ideas}</td><td>{Day(p.Started)}</td></tr>");
        }

        return Document("Projects", html.Append("</table>"));
    }

    /// <summary>
    /// A project at a glance: its phases, what is open and fixed (and how many changes), the current team, the ground
    /// rules' agreement, every meeting with the gaps of those to come, the participation profile and the 20 ideas with
    /// the most voices.
    /// </summary>
    private static async Task<string> ProjectPageAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        if (await ProjectAsync(db, c, org, id) is not { } project)
        {
            return Document("Page not found", new StringBuilder());
        }

        var names = await PhaseNamesAsync(db, c, org);
        var phases = await db.QueryAsync(c,
            """SELECT "Phase", "Status", "StartsOn", "EndsOn", "Goals" FROM "ProjectPhases" WHERE "ProjectId" = @id ORDER BY "Phase" """,
            r => (Phase: (CoPhase)r.GetInt32(0), Status: (PhaseStatus)r.GetInt32(1), Goals: NullableString(r, 4)), ("id", id));
        var theme = project.Theme is { } themeId
            ? (await db.QueryAsync(c, """SELECT "Name" FROM "Themes" WHERE "Id" = @theme""", r => r.GetString(0), ("theme", themeId))).SingleOrDefault()
            : null;
        var boundaries = await BoundariesAsync(db, c, id, standingOnly: false);
        var team = (await MembersAsync(db, c, id)).Where(m => m.Left is null).ToList();
        var rules = (await db.QueryAsync(c,
            """
            SELECT g."Version", (SELECT COUNT(*) FROM "GroundRulesAgreed" a JOIN "ProjectMembers" m ON m."Id" = a."MemberId"
                                 WHERE a."GroundRulesId" = g."Id" AND m."LeftAtUtc" IS NULL)
            FROM "GroundRules" g WHERE g."ProjectId" = @id ORDER BY g."Version" DESC LIMIT 1
            """,
            r => (Version: r.GetInt32(0), Agreed: r.GetInt64(1)), ("id", id))).SingleOrDefault();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var meetings = await db.QueryAsync(c,
            """SELECT "Id", "Title", "StartsAtUtc", "EndsAtUtc", "CancelledAtUtc", "Format", "Support" FROM "ProjectMeetings" WHERE "ProjectId" = @id ORDER BY "StartsAtUtc" """,
            r => (Id: r.GetGuid(0), Title: r.GetString(1), Starts: r.GetDateTime(2), Ends: r.GetDateTime(3), Cancelled: !r.IsDBNull(4),
                Format: (MeetingFormat)r.GetInt32(5), Support: (MeetingSupport)r.GetInt32(6)),
            ("id", id));
        var upcoming = meetings.Where(m => m.Ends >= now && !m.Cancelled).Select(m => m.Id).ToList();
        var (upcomingIn, upcomingParameters) = FloorDatabase.In("m", upcoming);
        var invited = upcoming.Count == 0 ? [] : await db.QueryAsync(c,
            $"""SELECT i."MeetingId", {MemberColumns} FROM "MeetingInvitees" i JOIN "ProjectMembers" m ON m."Id" = i."MemberId" {MemberJoins} WHERE i."MeetingId" IN {upcomingIn}""",
            r => (Meeting: r.GetGuid(0), Member: ReadMember(r, 1)), upcomingParameters);
        var byMeeting = invited.ToLookup(i => i.Meeting, i => i.Member.Needs);
        var profile = await ProfileAsync(db, c, id);
        var ideaCount = (await db.QueryAsync(c, """SELECT COUNT(*) FROM "Contributions" WHERE "ProjectId" = @id AND "LinkedToId" IS NULL""",
            r => r.GetInt64(0), ("id", id)))[0];
        var ideas = await db.QueryAsync(c,
            $"""
            SELECT "Id", "Text", "VoiceCount", "Outcome" FROM "Contributions" WHERE "ProjectId" = @id AND "LinkedToId" IS NULL
            ORDER BY "VoiceCount" DESC, "SaidOnUtc", "Id" LIMIT {IdeasShown}
            """,
            r => (Id: r.GetGuid(0), Text: r.GetString(1), Voices: r.GetInt32(2), Outcome: (OutcomeStatus)r.GetInt32(3)), ("id", id));

        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{E(project.Purpose)}</p><p>{E(theme)}</p><ol>");
        foreach (var phase in phases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(names.GetValueOrDefault(phase.Phase, phase.Phase.DefaultName()))}: {phase.Status.Words()} {E(phase.Goals)}</li>");
        }

        html.Append("</ol><ul>");
        foreach (var m in team)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(m.Name)}, {E(m.Role)} ({(m.IsPartner ? "partner" : "staff")})</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>Ground rules: {rules.Agreed} of {team.Count} agreed</p><ul>");
        foreach (var m in meetings)
        {
            var gaps = upcoming.Contains(m.Id) ? AccessGap.For(m.Format, m.Support, byMeeting[m.Id]).Count : 0;
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/o/x/projects/{id}/meetings/{m.Id}\">{E(m.Title)}</a>, {When(org, m.Starts)} {gaps}</li>");
        }

        html.Append("</ul>").Append(profile).Append("<ul>");
        foreach (var b in boundaries.Where(b => b.Ended is null))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{b.Kind}: {E(b.Text)} {E(b.Reason?.Words())} {E(b.Why)}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{boundaries.Count(b => b.Ended is not null)} changes</p><ul>");
        foreach (var idea in ideas)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/o/x/voice/{idea.Id}\">{E(idea.Text)}</a> {idea.Voices} voices {idea.Outcome.DisplayName()}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{ideaCount} in all</p><p>{(project.Delivered is null ? "" : E(project.Summary))}</p>");
        return Document(project.Title, html);
    }

    /// <summary>The participation profile and the newest 50 decisions.</summary>
    private static async Task<string> DecisionsAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        if (await ProjectAsync(db, c, org, id) is not { } project)
        {
            return Document("Page not found", new StringBuilder());
        }

        var profile = await ProfileAsync(db, c, id);
        var decisions = await db.QueryAsync(c,
            $"""
            SELECT "Id", "DecidedOn", "What", "How", "Level" FROM "ProjectDecisions" WHERE "ProjectId" = @id
            ORDER BY "DecidedOn" DESC, "RecordedAtUtc" DESC, "Id" DESC LIMIT {DecisionsPageSize}
            """,
            r => (Id: r.GetGuid(0), On: r.GetDateTime(1), What: r.GetString(2), How: (DecisionWay)r.GetInt32(3), Level: (ParticipationLevel)r.GetInt32(4)),
            ("id", id));
        var html = new StringBuilder().Append(profile).Append("<table>");
        foreach (var d in decisions)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{Day(d.On)}</td><td><a href=\"/o/x/projects/{id}/decisions/{d.Id}\">{E(d.What)}</a></td><td>{E(d.How.Words())}</td><td>{d.Level.Words()}</td></tr>");
        }

        return Document("Decisions: " + project.Title, html.Append("</table>"));
    }

    /// <summary>A meeting: when and where, who is invited (and came) with how to reach each partner, the gaps, what stands open and fixed, the expenses.</summary>
    private static async Task<string> MeetingAsync(FloorDatabase db, DbConnection c, Org org, Guid id, Guid meetingId)
    {
        var project = await ProjectAsync(db, c, org, id);
        var meeting = (await db.QueryAsync(c,
            """
            SELECT "Title", "StartsAtUtc", "EndsAtUtc", "Format", "Support", "PlaceName", "PlaceAddress", "OnlineLink", "Agenda", "Notes", "CancelledAtUtc"
            FROM "ProjectMeetings" WHERE "OrganisationId" = @org AND "Id" = @meeting AND "ProjectId" = @id
            """,
            r => (Title: r.GetString(0), Starts: r.GetDateTime(1), Ends: r.GetDateTime(2), Format: (MeetingFormat)r.GetInt32(3), Support: (MeetingSupport)r.GetInt32(4),
                Place: NullableString(r, 5), Agenda: NullableString(r, 8), Notes: NullableString(r, 9)),
            ("org", org.Id), ("meeting", meetingId), ("id", id))).SingleOrDefault();
        if (project is null || meeting == default)
        {
            return Document("Page not found", new StringBuilder());
        }

        var invited = await db.QueryAsync(c,
            $"""
            SELECT i."Attended", i."RemindedAtUtc", {MemberColumns}, p."MayContact", p."ContactBy", p."Email", p."Phone", p."ThroughWorker"
            FROM "MeetingInvitees" i JOIN "ProjectMembers" m ON m."Id" = i."MemberId" {MemberJoins} WHERE i."MeetingId" = @meeting
            """,
            r => (Came: r.IsDBNull(0) ? (bool?)null : r.GetBoolean(0), Member: ReadMember(r, 2),
                Reach: r.IsDBNull(11) ? "" : !r.GetBoolean(11) ? "Asked not to be contacted" : $"{(r.IsDBNull(12) ? "" : ((ContactMethod)r.GetInt32(12)).DisplayName())} {NullableString(r, 13)}{NullableString(r, 14)}{NullableString(r, 15)}"),
            ("meeting", meetingId));
        var gaps = AccessGap.For(meeting.Format, meeting.Support, invited.Select(i => i.Member.Needs));
        var boundaries = await BoundariesAsync(db, c, id, standingOnly: true);
        var expenses = await db.QueryAsync(c,
            """SELECT "MemberId", "Kind", "AmountPence" FROM "MeetingExpenses" WHERE "MeetingId" = @meeting ORDER BY "RecordedAtUtc" """,
            r => (Member: r.GetGuid(0), Kind: (ExpenseKind)r.GetInt32(1), Pence: r.GetInt32(2)), ("meeting", meetingId));

        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<p>{E(project.Title)}</p><p>{When(org, meeting.Starts)} to {When(org, meeting.Ends)}, {E(meeting.Place)}</p><ul>");
        foreach (var gap in gaps)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(gap.Name)}: {E(gap.Need)}. {E(gap.WhatWouldMeetIt)}.</li>");
        }

        html.Append("</ul><ul>");
        foreach (var b in boundaries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{b.Kind}: {E(b.Text)} {E(b.Why)}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>{E(meeting.Agenda)}</p><ul>");
        foreach (var (came, member, reach) in invited.OrderBy(i => i.Member.IsPartner).ThenBy(i => i.Member.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var spent = expenses.Where(e => e.Member == member.Id).Select(e => $"{e.Kind} £{e.Pence / 100m:0.00}");
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(member.Name)} {(came == true ? "came" : "")} {E(reach)} {E(string.Join(", ", spent))}</li>");
        }

        return Document(meeting.Title, html.Append("</ul><p>").Append(E(meeting.Notes)).Append("</p>"));
    }

    /// <summary>The team, past and present, and who agreed to the current ground rules.</summary>
    private static async Task<string> TeamAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        if (await ProjectAsync(db, c, org, id) is not { } project)
        {
            return Document("Page not found", new StringBuilder());
        }

        var members = await MembersAsync(db, c, id);
        var agreed = (await db.QueryAsync(c,
            """
            SELECT a."MemberId" FROM "GroundRulesAgreed" a
            WHERE a."GroundRulesId" = (SELECT g."Id" FROM "GroundRules" g WHERE g."ProjectId" = @id ORDER BY g."Version" DESC LIMIT 1)
            """,
            r => r.GetGuid(0), ("id", id))).ToHashSet();
        var html = new StringBuilder().Append("<table>");
        foreach (var m in members.OrderBy(m => m.Left is not null).ThenBy(m => m.IsPartner).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var needs = m.IsPartner ? AccessNeedWords.Summary(m.Needs.Needs, m.Needs.InterpreterLanguage, m.Needs.OtherNeed) : "Not asked of staff";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(m.Name)}</td><td>{E(m.Role)}</td><td>{E(m.Gives)}</td><td>{E(needs)}</td><td>{(agreed.Contains(m.Id) ? "Agreed" : "Not yet")}</td><td>{(m.Left is { } left ? Day(left) : "")}</td></tr>");
        }

        return Document("The team: " + project.Title, html.Append("</table>"));
    }

    private static string When(Org org, DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(org.TimeZone)).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}
