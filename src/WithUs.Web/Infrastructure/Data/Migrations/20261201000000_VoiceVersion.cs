using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, "building up" on the staff home and the themes pages. Their counts of recent voices are worked out from the
/// whole window of recent days (thousands of rows at a region's size) and then kept in memory until what they count
/// changes (Themes.BuildUpCounts). Each organisation gets a number that goes up whenever it changes: a contribution
/// added or deleted, or its words, day, idea or person changed; a theme link added, moved or removed; a theme renamed
/// or archived. The page reads the number with the organisation, which every request reads anyway, so knowing that
/// nothing changed costs nothing. Triggers move it, so that every writer counts: the pages through EF, the import's
/// COPY and prepared INSERTs, the similarity job, and the database's own cascades. PostgreSQL moves it once per
/// statement from its transition tables (an import's COPY is one update); SQLite once per row, an update by key.
/// Other changes to a contribution (its outcome, its index terms, when someone was told) do not move it.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261201000000_VoiceVersion")]
public sealed class VoiceVersion : Migration
{
    /// <summary>Each table whose changes move the number, on which events, and which of its columns count when updated.</summary>
    private static readonly (string Table, string[] Events, string[] Columns)[] Triggers =
    [
        ("Contributions", ["Insert", "Delete", "Update"], ["Text", "SaidOnUtc", "LinkedToId", "PersonId"]),
        ("ContributionThemes", ["Insert", "Delete", "Update"], ["ContributionId", "ThemeId"]),
        ("Themes", ["Update"], ["Name", "IsArchived"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>("VoiceVersion", "Organisations", nullable: false, defaultValue: 0L);
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "VoiceVersion_Bump"(organisations uuid[]) RETURNS void LANGUAGE sql AS $$
                    UPDATE "Organisations" SET "VoiceVersion" = "VoiceVersion" + 1 WHERE "Id" = ANY (organisations);
                $$;
                """);
        }

        foreach (var (table, events, columns) in Triggers)
        {
            if (migrationBuilder.IsSqlite())
            {
                foreach (var name in events)
                {
                    migrationBuilder.Sql(SqliteTrigger(table, name, columns));
                }
            }
            else
            {
                migrationBuilder.Sql(PostgresFunction(table, columns));
                foreach (var name in events)
                {
                    migrationBuilder.Sql(PostgresTrigger(table, name));
                }
            }
        }
    }

    /// <summary>SQLite: once per row, an update of the organisation by its key; an update only when a counted column changed.</summary>
    private static string SqliteTrigger(string table, string name, string[] columns)
    {
        var row = name == "Delete" ? "OLD" : "NEW";
        var when = name == "Update"
            ? $"""OF {string.Join(", ", columns.Select(c => $"\"{c}\""))} ON "{table}" WHEN {string.Join(" OR ", columns.Select(c => $"""OLD."{c}" IS NOT NEW."{c}" """.TrimEnd()))}"""
            : $"""ON "{table}" """.TrimEnd();
        return $"""
            CREATE TRIGGER "{table}_VoiceVersion_{name}" AFTER {name.ToUpperInvariant()} {when}
            BEGIN
                UPDATE "Organisations" SET "VoiceVersion" = "VoiceVersion" + 1 WHERE "Id" = {row}."OrganisationId";
            END;
            """;
    }

    /// <summary>
    /// PostgreSQL: one function per table for all its events, once per statement over its transition tables. An update
    /// moves the number only for rows whose counted columns differ (PostgreSQL allows no column list on a trigger with
    /// transition tables), so the many updates of outcomes and index terms leave it alone.
    /// </summary>
    private static string PostgresFunction(string table, string[] columns) => $"""
        CREATE FUNCTION "{table}_VoiceVersion"() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM "VoiceVersion_Bump"(ARRAY(SELECT DISTINCT "OrganisationId" FROM added));
            ELSIF TG_OP = 'DELETE' THEN
                PERFORM "VoiceVersion_Bump"(ARRAY(SELECT DISTINCT "OrganisationId" FROM removed));
            ELSE
                PERFORM "VoiceVersion_Bump"(ARRAY(SELECT DISTINCT n."OrganisationId" FROM added AS n
                    JOIN removed AS o ON o."Id" = n."Id"
                    WHERE {string.Join(" OR ", columns.Select(c => $"""o."{c}" IS DISTINCT FROM n."{c}" """.TrimEnd()))}));
            END IF;
            RETURN NULL;
        END;
        $f$;
        """;

    /// <summary>PostgreSQL: each trigger names only the transition tables its event has (one event per such trigger).</summary>
    private static string PostgresTrigger(string table, string name)
    {
        var tables = name switch
        {
            "Insert" => "NEW TABLE AS added",
            "Delete" => "OLD TABLE AS removed",
            _ => "OLD TABLE AS removed NEW TABLE AS added",
        };
        return $"""
            CREATE TRIGGER "{table}_VoiceVersion_{name}" AFTER {name.ToUpperInvariant()} ON "{table}"
            REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION "{table}_VoiceVersion"();
            """;
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (table, events, _) in Triggers)
        {
            foreach (var name in events)
            {
                migrationBuilder.Sql(migrationBuilder.IsSqlite()
                    ? $"""DROP TRIGGER "{table}_VoiceVersion_{name}";"""
                    : $"""DROP TRIGGER "{table}_VoiceVersion_{name}" ON "{table}";""");
            }
        }

        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("""ALTER TABLE "Organisations" DROP COLUMN "VoiceVersion";""");
            return;
        }

        migrationBuilder.Sql("""
            DROP FUNCTION "Themes_VoiceVersion"();
            DROP FUNCTION "ContributionThemes_VoiceVersion"();
            DROP FUNCTION "Contributions_VoiceVersion"();
            DROP FUNCTION "VoiceVersion_Bump"(uuid[]);
            """);
        migrationBuilder.DropColumn("VoiceVersion", "Organisations");
    }
}
