using System.Data.Common;
using System.Globalization;
using System.Text;
using WithUs.Web.Features.People;

namespace WithUs.Bench.Region;

/// <summary>The floor's People pages (see <see cref="Floor"/>): the list of people and one person's record.</summary>
public static partial class Floor
{
    private const int PeoplePageSize = 50;

    /// <summary>The first page of people by name: each with their contact answer, needs, how many things they said and when last.</summary>
    private static async Task<string> PeopleAsync(FloorDatabase db, DbConnection c, Org org)
    {
        var roles = await db.QueryAsync(c, """SELECT "Id", "Name" FROM "InvolvementRoles" WHERE "OrganisationId" = @org ORDER BY "Position" """,
            r => r.GetString(1), ("org", org.Id));
        var themes = await db.QueryAsync(c, """SELECT "Id", "Name" FROM "Themes" WHERE "OrganisationId" = @org AND NOT "IsArchived" ORDER BY "Name" """,
            r => r.GetString(1), ("org", org.Id));
        var total = (await db.QueryAsync(c, """SELECT COUNT(*) FROM "People" WHERE "OrganisationId" = @org""", r => r.GetInt64(0), ("org", org.Id)))[0];
        var people = await db.QueryAsync(c,
            $"""
            SELECT p."Id", p."Name", p."MayContact", p."ContactBy", p."AccessNeeds", p."InterpreterLanguage", p."OtherAccessNeed",
                   (SELECT COUNT(*) FROM "Contributions" s WHERE s."PersonId" = p."Id"),
                   (SELECT MAX(s."SaidOnUtc") FROM "Contributions" s WHERE s."PersonId" = p."Id")
            FROM "People" p WHERE p."OrganisationId" = @org ORDER BY p."Name", p."Id" LIMIT {PeoplePageSize}
            """,
            r => (Name: r.GetString(1), May: r.GetBoolean(2), Needs: (AccessNeed)r.GetInt32(4), Interpreter: NullableString(r, 5), Other: NullableString(r, 6),
                Said: r.GetInt64(7), Last: r.IsDBNull(8) ? (DateTime?)null : r.GetDateTime(8)),
            ("org", org.Id));
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<p>{total} people; {roles.Count} roles; {themes.Count} themes</p><table>");
        foreach (var p in people)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(p.Name)}</td><td>{(p.May ? "Yes" : "No")}</td><td>{E(AccessNeedWords.Summary(p.Needs, p.Interpreter, p.Other))}</td><td>{p.Said}</td><td>{(p.Last is { } last ? Day(last) : "")}</td></tr>");
        }

        return Document("People we hear from", html.Append("</table>"));
    }

    /// <summary>
    /// One person's record: what they said, interests, reach-backs, consents, roles, training, recognition. The app also
    /// writes the view to the audit log (one INSERT); the floor opens the database read-only, so it does not.
    /// </summary>
    private static async Task<string> PersonAsync(FloorDatabase db, DbConnection c, Org org, Guid id)
    {
        var person = (await db.QueryAsync(c,
            """SELECT "Name", "MayContact", "Email", "Phone", "AccessNeeds", "InterpreterLanguage", "OtherAccessNeed", "UserId" FROM "People" WHERE "OrganisationId" = @org AND "Id" = @id""",
            r => (Name: r.GetString(0), Needs: (AccessNeed)r.GetInt32(4), Interpreter: NullableString(r, 5), Other: NullableString(r, 6)),
            ("org", org.Id), ("id", id))).SingleOrDefault();
        if (person == default)
        {
            return Document("Page not found", new StringBuilder());
        }

        var said = await db.QueryAsync(c,
            """
            SELECT s."Text", s."SaidOnUtc", COALESCE(i."Text", s."Text"), COALESCE(i."Outcome", s."Outcome"), s."ToldAtUtc"
            FROM "Contributions" s LEFT JOIN "Contributions" i ON i."Id" = s."LinkedToId"
            WHERE s."PersonId" = @id
            """,
            r => (Text: r.GetString(2), Said: r.GetDateTime(1), Outcome: r.GetInt32(3)), ("id", id));
        var interests = await db.QueryAsync(c,
            """
            SELECT COALESCE(s."Text", t."Name"), i."Kind" FROM "Interests" i
            LEFT JOIN "Contributions" s ON s."Id" = i."ContributionId" LEFT JOIN "Themes" t ON t."Id" = i."ThemeId"
            WHERE i."PersonId" = @id ORDER BY i."CreatedAtUtc" DESC
            """,
            r => NullableString(r, 0), ("id", id));
        var reachBacks = await db.QueryAsync(c,
            """SELECT r."About", r."AtUtc", u."DisplayName" FROM "ReachBacks" r LEFT JOIN "AspNetUsers" u ON u."Id" = r."ByUserId" WHERE r."PersonId" = @id ORDER BY r."AtUtc" DESC""",
            r => r.GetString(0), ("id", id));
        var consents = await db.QueryAsync(c,
            """SELECT k."Kind", k."Given", k."AtUtc", u."DisplayName" FROM "Consents" k LEFT JOIN "AspNetUsers" u ON u."Id" = k."RecordedByUserId" WHERE k."PersonId" = @id""",
            r => (Kind: r.GetInt32(0), Given: r.GetBoolean(1), At: r.GetDateTime(2)), ("id", id));
        var sealedKinds = await db.QueryAsync(c, """SELECT "Kind", "AtUtc" FROM "SealedDetails" WHERE "PersonId" = @id""", r => r.GetInt32(0), ("id", id));
        var roles = await db.QueryAsync(c,
            """SELECT r."RoleId", ir."Name", r."StartedOn", r."EndedOn" FROM "PersonRoles" r JOIN "InvolvementRoles" ir ON ir."Id" = r."RoleId" WHERE r."PersonId" = @id ORDER BY r."StartedOn" DESC""",
            r => (Role: r.GetGuid(0), Name: r.GetString(1), Ended: !r.IsDBNull(3)), ("id", id));
        var held = roles.Where(r => !r.Ended).Select(r => r.Role).Distinct().ToList();
        var (heldIn, heldParameters) = FloorDatabase.In("r", held);
        var training = held.Count == 0 ? [] : await db.QueryAsync(c,
            $"""
            SELECT q."Name", (SELECT MAX(t."DoneOn") FROM "TrainingRecords" t WHERE t."RequirementId" = q."Id" AND t."PersonId" = @id)
            FROM "RoleRequirements" q WHERE q."RoleId" IN {heldIn}
            """,
            r => r.GetString(0), [("id", id), .. heldParameters]);
        var recognitions = await db.QueryAsync(c, """SELECT "Title", "GivenOn" FROM "Recognitions" WHERE "PersonId" = @id ORDER BY "GivenOn" DESC""",
            r => r.GetString(0), ("id", id));
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"<h2>{E(person.Name)}</h2><p>{E(AccessNeedWords.Summary(person.Needs, person.Interpreter, person.Other))}</p><p>{consents.Count} answers, {sealedKinds.Count} sealed, {roles.Count} roles, {training.Count} training, {recognitions.Count} recognitions, {reachBacks.Count} reach-backs, {interests.Count} interests</p><ul>");
        foreach (var s in said.OrderByDescending(s => s.Said))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{Day(s.Said)} {E(s.Text)} {s.Outcome}</li>");
        }

        return Document(person.Name, html.Append("</ul>"));
    }
}
