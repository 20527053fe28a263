using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, "owed a reply". Whether someone is owed a reply depends on the outcome that counts for what they said: for
/// a "me too", its idea's, on another row. Finding them meant joining every named row to its idea (a self-join over the
/// whole organisation on every staff home page). Each row now carries the outcome that counts, its date and whether the
/// idea is published (IdeaOutcome, IdeaOutcomeAtUtc, IdeaIsPublished), and partial indexes hold exactly the rows each
/// part of the page lists, in its order.
/// The copies are kept by the database, not the app, because so many writers change them, some without EF (bulk
/// import, ExecuteUpdate, the benchmark's generator) and some invisibly (ON DELETE SET NULL of an idea's voices): on
/// PostgreSQL a BEFORE row trigger sets them on the row as it is written; SQLite cannot change a row in a BEFORE
/// trigger, so an AFTER trigger corrects it by rowid, and only when the row written is not already right. A change of an
/// outcome, its date or publishing is copied onto the idea's voices by an AFTER UPDATE trigger on both databases.
/// The columns are filled here from scratch (the same statement as <c>IdeaOutcomes.RebuildAsync</c>).
/// Provider-neutral columns and indexes; the triggers are each database's own SQL.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261129000000_IdeaOutcomeOnEachRow")]
public sealed class IdeaOutcomeOnEachRow : Migration
{
    private static readonly string[] Columns = ["IdeaOutcome", "IdeaOutcomeAtUtc", "IdeaIsPublished"];

    /// <summary>The columns of a row that the copies follow: a change to any of them may change what counts.</summary>
    private const string Followed = "\"LinkedToId\", \"Outcome\", \"OutcomeAtUtc\", \"IsPublished\"";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("IdeaOutcome", "Contributions", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>("IdeaOutcomeAtUtc", "Contributions", nullable: true);
        migrationBuilder.AddColumn<bool>("IdeaIsPublished", "Contributions", nullable: false, defaultValue: false);

        migrationBuilder.Sql("""
            UPDATE "Contributions" SET ("IdeaOutcome", "IdeaOutcomeAtUtc", "IdeaIsPublished") = (
                SELECT i."Outcome", i."OutcomeAtUtc", i."IsPublished" FROM "Contributions" AS i
                WHERE i."Id" = COALESCE("Contributions"."LinkedToId", "Contributions"."Id"));
            """);

        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_IdeaOutcome_Inserted" AFTER INSERT ON "Contributions"
                WHEN NEW."LinkedToId" IS NOT NULL OR NEW."IdeaOutcome" IS NOT NEW."Outcome"
                    OR NEW."IdeaOutcomeAtUtc" IS NOT NEW."OutcomeAtUtc" OR NEW."IdeaIsPublished" IS NOT NEW."IsPublished"
                BEGIN
                    {SqliteCopyOntoRow}
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_IdeaOutcome_Updated" AFTER UPDATE OF {Followed} ON "Contributions"
                WHEN NEW."LinkedToId" IS NOT OLD."LinkedToId" OR NEW."Outcome" IS NOT OLD."Outcome"
                    OR NEW."OutcomeAtUtc" IS NOT OLD."OutcomeAtUtc" OR NEW."IsPublished" IS NOT OLD."IsPublished"
                BEGIN
                    {SqliteCopyOntoRow}
                    {CopyOntoVoices}
                END;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION "Contributions_IdeaOutcome_Row"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW."LinkedToId" IS NULL THEN
                        NEW."IdeaOutcome" := NEW."Outcome";
                        NEW."IdeaOutcomeAtUtc" := NEW."OutcomeAtUtc";
                        NEW."IdeaIsPublished" := NEW."IsPublished";
                    ELSE
                        SELECT i."Outcome", i."OutcomeAtUtc", i."IsPublished"
                        INTO NEW."IdeaOutcome", NEW."IdeaOutcomeAtUtc", NEW."IdeaIsPublished"
                        FROM "Contributions" AS i WHERE i."Id" = NEW."LinkedToId";
                        -- Its idea is not written yet (a bulk write out of order): its own, until the rebuild.
                        IF NOT FOUND THEN
                            NEW."IdeaOutcome" := NEW."Outcome";
                            NEW."IdeaOutcomeAtUtc" := NEW."OutcomeAtUtc";
                            NEW."IdeaIsPublished" := NEW."IsPublished";
                        END IF;
                    END IF;
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Contributions_IdeaOutcome_Row" BEFORE INSERT OR UPDATE OF {Followed} ON "Contributions"
                FOR EACH ROW EXECUTE FUNCTION "Contributions_IdeaOutcome_Row"();
                """);
            migrationBuilder.Sql($"""
                CREATE FUNCTION "Contributions_IdeaOutcome_Voices"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    {CopyOntoVoices}
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contributions_IdeaOutcome_Voices" AFTER UPDATE OF "Outcome", "OutcomeAtUtc", "IsPublished" ON "Contributions"
                FOR EACH ROW
                WHEN (NEW."Outcome" IS DISTINCT FROM OLD."Outcome" OR NEW."OutcomeAtUtc" IS DISTINCT FROM OLD."OutcomeAtUtc"
                    OR NEW."IsPublished" IS DISTINCT FROM OLD."IsPublished")
                EXECUTE FUNCTION "Contributions_IdeaOutcome_Voices"();
                """);
        }

        migrationBuilder.CreateIndex("IX_Contributions_Untold", "Contributions", ["OrganisationId", "IdeaOutcomeAtUtc", "Id"],
            filter: "\"PersonId\" IS NOT NULL AND \"IdeaOutcome\" <> 0 AND (\"ToldAtUtc\" IS NULL OR \"ToldOutcome\" IS NULL OR \"ToldOutcome\" <> \"IdeaOutcome\")");
        migrationBuilder.CreateIndex("IX_Contributions_AnonymousWithAnOutcome", "Contributions", ["OrganisationId", "IdeaOutcomeAtUtc", "Id"],
            filter: "\"PersonId\" IS NULL AND \"IdeaOutcome\" <> 0");
        migrationBuilder.CreateIndex("IX_Contributions_AnonymousNotPublished", "Contributions", ["OrganisationId", "IdeaOutcomeAtUtc", "Id"],
            filter: "\"PersonId\" IS NULL AND \"IdeaOutcome\" <> 0 AND NOT \"IdeaIsPublished\"");
        migrationBuilder.CreateIndex("IX_Contributions_NoOutcome", "Contributions", ["OrganisationId", "CreatedAtUtc", "Id"],
            filter: "\"LinkedToId\" IS NULL AND \"Outcome\" = 0");
    }

    /// <summary>SQLite, inside a trigger on a row: the row's copies from the row that counts (its idea, or itself).</summary>
    private const string SqliteCopyOntoRow = """
        UPDATE "Contributions" SET ("IdeaOutcome", "IdeaOutcomeAtUtc", "IdeaIsPublished") = (
            SELECT i."Outcome", i."OutcomeAtUtc", i."IsPublished" FROM "Contributions" AS i
            WHERE i."Id" = COALESCE(NEW."LinkedToId", NEW."Id"))
        WHERE rowid = NEW.rowid;
        """;

    /// <summary>Inside a trigger on a row: its outcome, date and publishing onto every row that adds its voice to it.</summary>
    private const string CopyOntoVoices = """
        UPDATE "Contributions" SET "IdeaOutcome" = NEW."Outcome", "IdeaOutcomeAtUtc" = NEW."OutcomeAtUtc", "IdeaIsPublished" = NEW."IsPublished"
        WHERE "OrganisationId" = NEW."OrganisationId" AND "LinkedToId" = NEW."Id";
        """;

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_NoOutcome", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_AnonymousNotPublished", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_AnonymousWithAnOutcome", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_Untold", "Contributions");
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("DROP TRIGGER \"Contributions_IdeaOutcome_Updated\";");
            migrationBuilder.Sql("DROP TRIGGER \"Contributions_IdeaOutcome_Inserted\";");
            foreach (var column in Columns)
            {
                // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"Contributions\" DROP COLUMN \"{column}\";");
            }
        }
        else
        {
            migrationBuilder.Sql("DROP TRIGGER \"Contributions_IdeaOutcome_Voices\" ON \"Contributions\";");
            migrationBuilder.Sql("DROP FUNCTION \"Contributions_IdeaOutcome_Voices\"();");
            migrationBuilder.Sql("DROP TRIGGER \"Contributions_IdeaOutcome_Row\" ON \"Contributions\";");
            migrationBuilder.Sql("DROP FUNCTION \"Contributions_IdeaOutcome_Row\"();");
            foreach (var column in Columns)
            {
                migrationBuilder.DropColumn(column, "Contributions");
            }
        }
    }
}
