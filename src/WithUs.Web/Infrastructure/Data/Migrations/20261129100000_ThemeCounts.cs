using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, the themes page and "building up". Each theme keeps how many contributions are filed under it, so the
/// page no longer counts every link of the organisation on each request. Triggers keep it, so that every writer is
/// counted alike: the pages through EF, the bulk import's COPY and prepared INSERTs, and the database's own cascades
/// (a contribution or an organisation deleted), which EF never sees. PostgreSQL counts once per statement from its
/// transition tables, so a COPY of a whole import is one UPDATE per theme, not one per row; SQLite has only row
/// triggers, each an update of one theme by its key. The count is filled here from the links already saved
/// (ThemeCounts.RebuildAsync recounts the same way). "Building up" reads the window of recent days from an index that
/// holds everything it counts, so it reads no row of the table. That index is partial, on a condition true of every
/// row (a count of index terms is never negative; the column is in the index so that stating it reads no row), which
/// only the window's queries state (BuildUp.Window): SQLite,
/// which keeps no statistics, would otherwise prefer scanning all of an organisation's entries in it to looking a few
/// contributions up by id, for any query that reads no more than its columns. (A test for null on a column that
/// cannot be null would read better, but EF leaves it out of the query, and raw SQL is banned outside TenantBypass.) Trigger SQL differs by database; the rest is provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261129100000_ThemeCounts")]
public sealed class ThemeCounts : Migration
{
    private static readonly string[] Events = ["Insert", "Delete", "Update"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Contributions_BuildUpWindow", "Contributions",
            ["OrganisationId", "SaidOnUtc", "Id", "LinkedToId", "PersonId", "TermCount"], filter: "\"TermCount\" >= 0");
        migrationBuilder.AddColumn<int>("ContributionCount", "Themes", nullable: false, defaultValue: 0);
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Insert" AFTER INSERT ON "ContributionThemes"
                BEGIN
                    UPDATE "Themes" SET "ContributionCount" = "ContributionCount" + 1 WHERE "Id" = NEW."ThemeId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Delete" AFTER DELETE ON "ContributionThemes"
                BEGIN
                    UPDATE "Themes" SET "ContributionCount" = "ContributionCount" - 1 WHERE "Id" = OLD."ThemeId";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Update" AFTER UPDATE OF "ThemeId" ON "ContributionThemes"
                WHEN OLD."ThemeId" <> NEW."ThemeId"
                BEGIN
                    UPDATE "Themes" SET "ContributionCount" = "ContributionCount" - 1 WHERE "Id" = OLD."ThemeId";
                    UPDATE "Themes" SET "ContributionCount" = "ContributionCount" + 1 WHERE "Id" = NEW."ThemeId";
                END;
                """);
        }
        else
        {
            // One function for the three events; each trigger names only the transition tables its event has, and
            // PostgreSQL allows one event per trigger that has them.
            migrationBuilder.Sql("""
                CREATE FUNCTION "ContributionThemes_Counted"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('DELETE', 'UPDATE') THEN
                        UPDATE "Themes" AS t SET "ContributionCount" = t."ContributionCount" - r.n
                        FROM (SELECT "ThemeId", count(*) AS n FROM removed GROUP BY "ThemeId") AS r
                        WHERE t."Id" = r."ThemeId";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        UPDATE "Themes" AS t SET "ContributionCount" = t."ContributionCount" + a.n
                        FROM (SELECT "ThemeId", count(*) AS n FROM added GROUP BY "ThemeId") AS a
                        WHERE t."Id" = a."ThemeId";
                    END IF;
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Insert" AFTER INSERT ON "ContributionThemes"
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ContributionThemes_Counted"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Delete" AFTER DELETE ON "ContributionThemes"
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "ContributionThemes_Counted"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContributionThemes_Counted_Update" AFTER UPDATE ON "ContributionThemes"
                REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "ContributionThemes_Counted"();
                """);
        }

        migrationBuilder.Sql("""
            UPDATE "Themes" SET "ContributionCount" =
                (SELECT count(*) FROM "ContributionThemes" AS ct WHERE ct."ThemeId" = "Themes"."Id");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var name in Events)
        {
            migrationBuilder.Sql(migrationBuilder.IsSqlite()
                ? $"""DROP TRIGGER "ContributionThemes_Counted_{name}";"""
                : $"""DROP TRIGGER "ContributionThemes_Counted_{name}" ON "ContributionThemes";""");
        }

        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("""ALTER TABLE "Themes" DROP COLUMN "ContributionCount";""");
        }
        else
        {
            migrationBuilder.Sql("""DROP FUNCTION "ContributionThemes_Counted"();""");
            migrationBuilder.DropColumn("ContributionCount", "Themes");
        }

        migrationBuilder.DropIndex("IX_Contributions_BuildUpWindow", "Contributions");
    }
}
