using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9: an idea's voices (the person who said it and everyone who added "me too", each person once, each anonymous
/// row once) were counted on every page that shows them, by reading all of the idea's "me too"s: at a region's size
/// the most voiced idea has hundreds, so its page, and any list or suggestion that showed it, read hundreds of rows to
/// print one number. Each idea now carries its count (VoiceCount; 1 on a "me too", which is one voice), and how many
/// "me too"s it has (MeTooCount; 0 on a "me too"), recounted by the database whenever a row joins or leaves the idea or
/// its person changes: on SQLite once per row, on PostgreSQL
/// once per statement for the ideas the statement touched (an import's COPY recounts each idea once). A recount reads
/// only that idea's "me too"s, by the (OrganisationId, LinkedToId) index. VoiceCounts.DriftAsync and RebuildAsync check
/// and rebuild it (KeptCountsJob), for anything written around the triggers.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261202000000_VoiceCountOnEachIdea")]
public sealed class VoiceCountOnEachIdea : Migration
{
    /// <summary>
    /// Sets the counts of the idea in row <paramref name="idea"/> of "Contributions" (named so, or by an alias): its
    /// voices (its own, each anonymous "me too", and each other person once) and its "me too"s.
    /// <paramref name="notSame"/> is the dialect's null-safe "differs from". VoiceCounts.DriftAsync says the same in LINQ.
    /// </summary>
    private static string Recount(string idea, string notSame) => $"""
        ("VoiceCount", "MeTooCount") = (SELECT 1 + COUNT(*) - COUNT(v."PersonId")
                + COUNT(DISTINCT CASE WHEN v."PersonId" {notSame} {idea}."PersonId" THEN v."PersonId" END), COUNT(*)
            FROM "Contributions" AS v WHERE v."OrganisationId" = {idea}."OrganisationId" AND v."LinkedToId" = {idea}."Id")
        """;

    private static readonly string SqliteRecount = Recount("\"Contributions\"", "IS NOT");

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("VoiceCount", "Contributions", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<int>("MeTooCount", "Contributions", nullable: false, defaultValue: 0);

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""UPDATE "Contributions" SET {SqliteRecount} WHERE "LinkedToId" IS NULL;""");
            // Each trigger recounts the idea a row joined or left (an idea's own row is recounted only while it is one),
            // and puts a row that became a "me too" back to one voice and no "me too"s of its own.
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_VoiceCount_Inserted" AFTER INSERT ON "Contributions"
                WHEN NEW."LinkedToId" IS NOT NULL OR NEW."VoiceCount" <> 1 OR NEW."MeTooCount" <> 0
                BEGIN
                    {SqliteRecountOf("COALESCE(NEW.\"LinkedToId\", NEW.\"Id\")")}
                    {SqliteOneVoice}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_VoiceCount_Deleted" AFTER DELETE ON "Contributions"
                WHEN OLD."LinkedToId" IS NOT NULL
                BEGIN
                    {SqliteRecountOf("OLD.\"LinkedToId\"")}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_VoiceCount_Updated" AFTER UPDATE OF "LinkedToId", "PersonId" ON "Contributions"
                WHEN OLD."LinkedToId" IS NOT NEW."LinkedToId" OR OLD."PersonId" IS NOT NEW."PersonId"
                BEGIN
                    {SqliteRecountOf("COALESCE(OLD.\"LinkedToId\", OLD.\"Id\")")}
                    {SqliteRecountOf("COALESCE(NEW.\"LinkedToId\", NEW.\"Id\")")}
                    {SqliteOneVoice}
                END;
                """);
        }
        else
        {
            migrationBuilder.Sql($"""UPDATE "Contributions" AS i SET {Recount("i", "IS DISTINCT FROM")} WHERE i."LinkedToId" IS NULL;""");
            migrationBuilder.Sql($"""
                CREATE FUNCTION "VoiceCount_Recount"(ideas uuid[]) RETURNS void LANGUAGE plpgsql AS $f$
                BEGIN
                    -- Only when there is something to recount: the update below fires the update trigger again, which
                    -- then finds no idea changed and stops here.
                    IF cardinality(ideas) > 0 THEN
                        UPDATE "Contributions" AS i SET {Recount("i", "IS DISTINCT FROM")}
                        WHERE i."Id" = ANY (ideas) AND i."LinkedToId" IS NULL;
                    END IF;
                END;
                $f$;
                CREATE FUNCTION "Contributions_VoiceCount"() RETURNS trigger LANGUAGE plpgsql AS $f$
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        -- The ideas the new "me too"s joined, and any new idea written with another count than its one.
                        PERFORM "VoiceCount_Recount"(ARRAY(
                            SELECT "LinkedToId" FROM added WHERE "LinkedToId" IS NOT NULL
                            UNION SELECT "Id" FROM added WHERE "LinkedToId" IS NULL AND ("VoiceCount" <> 1 OR "MeTooCount" <> 0)));
                    ELSIF TG_OP = 'DELETE' THEN
                        PERFORM "VoiceCount_Recount"(ARRAY(SELECT DISTINCT "LinkedToId" FROM removed WHERE "LinkedToId" IS NOT NULL));
                    ELSE
                        PERFORM "VoiceCount_Recount"(ARRAY(
                            SELECT COALESCE(o."LinkedToId", o."Id") FROM removed AS o JOIN added AS n ON n."Id" = o."Id"
                            WHERE o."LinkedToId" IS DISTINCT FROM n."LinkedToId" OR o."PersonId" IS DISTINCT FROM n."PersonId"
                            UNION
                            SELECT COALESCE(n."LinkedToId", n."Id") FROM removed AS o JOIN added AS n ON n."Id" = o."Id"
                            WHERE o."LinkedToId" IS DISTINCT FROM n."LinkedToId" OR o."PersonId" IS DISTINCT FROM n."PersonId"));
                    END IF;
                    -- A "me too" is one voice, whatever was written (nested: a DELETE has no "added" to plan against).
                    IF TG_OP <> 'DELETE' THEN
                        IF EXISTS (SELECT 1 FROM added WHERE "LinkedToId" IS NOT NULL AND ("VoiceCount" <> 1 OR "MeTooCount" <> 0)) THEN
                            UPDATE "Contributions" SET "VoiceCount" = 1, "MeTooCount" = 0
                            WHERE "Id" IN (SELECT "Id" FROM added WHERE "LinkedToId" IS NOT NULL AND ("VoiceCount" <> 1 OR "MeTooCount" <> 0));
                        END IF;
                    END IF;
                    RETURN NULL;
                END;
                $f$;
                CREATE TRIGGER "Contributions_VoiceCount_Insert" AFTER INSERT ON "Contributions"
                REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "Contributions_VoiceCount"();
                CREATE TRIGGER "Contributions_VoiceCount_Delete" AFTER DELETE ON "Contributions"
                REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "Contributions_VoiceCount"();
                CREATE TRIGGER "Contributions_VoiceCount_Update" AFTER UPDATE ON "Contributions"
                REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION "Contributions_VoiceCount"();
                """);
        }
    }

    /// <summary>SQLite, inside a trigger: a "me too" is one voice and has none of its own, whatever was written.</summary>
    private const string SqliteOneVoice = """
        UPDATE "Contributions" SET "VoiceCount" = 1, "MeTooCount" = 0
        WHERE rowid = NEW.rowid AND NEW."LinkedToId" IS NOT NULL AND ("VoiceCount" <> 1 OR "MeTooCount" <> 0);
        """;

    /// <summary>SQLite, inside a trigger: recounts the idea <paramref name="ideaId"/>, if it is one.</summary>
    private static string SqliteRecountOf(string ideaId) =>
        $"""UPDATE "Contributions" SET {SqliteRecount} WHERE "Id" = {ideaId} AND "LinkedToId" IS NULL;""";

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""DROP TRIGGER "Contributions_VoiceCount_Updated";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contributions_VoiceCount_Deleted";""");
            migrationBuilder.Sql("""DROP TRIGGER "Contributions_VoiceCount_Inserted";""");
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "MeTooCount";""");
            migrationBuilder.Sql("""ALTER TABLE "Contributions" DROP COLUMN "VoiceCount";""");
            return;
        }

        migrationBuilder.Sql("""
            DROP TRIGGER "Contributions_VoiceCount_Update" ON "Contributions";
            DROP TRIGGER "Contributions_VoiceCount_Delete" ON "Contributions";
            DROP TRIGGER "Contributions_VoiceCount_Insert" ON "Contributions";
            DROP FUNCTION "Contributions_VoiceCount"();
            DROP FUNCTION "VoiceCount_Recount"(uuid[]);
            """);
        migrationBuilder.DropColumn("MeTooCount", "Contributions");
        migrationBuilder.DropColumn("VoiceCount", "Contributions");
    }
}
