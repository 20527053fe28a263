using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, the CSV import on PostgreSQL. Two tables hold rows derived from a contribution: its similarity index
/// (ContributionTerms, about seven rows each) and its place in the same-idea queue (SameIdeaWaiting). Their foreign keys
/// to Contributions were checked once for every row written, a quarter of a 100,000-row import's time, and served only
/// to delete them with their contribution. A trigger on Contributions now does that deleting, on both databases, as the
/// keys' ON DELETE CASCADE did (through EF, ExecuteDelete, or an organisation's own cascade). On PostgreSQL the words
/// of the index also compare byte by byte (COLLATE "C"): under the database's locale each step down either index of the
/// table was a locale comparison. Nothing orders words for people to read, so the order they sort in does not matter.
/// SQLite cannot drop a foreign key, so its two tables are made again and their rows copied.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261130000000_DerivedRowsFollowByTrigger")]
public sealed class DerivedRowsFollowByTrigger : Migration
{
    private const string TermIndex =
        """CREATE INDEX "IX_ContributionTerms_OrganisationId_Term_ContributionId" ON "ContributionTerms" ("OrganisationId", "Term", "ContributionId");""";

    private const string WaitingIndex =
        """CREATE INDEX "IX_SameIdeaWaiting_OrganisationId_ContributionId" ON "SameIdeaWaiting" ("OrganisationId", "ContributionId");""";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql(SqliteTables(withKeys: false));
            // Once for each row deleted, by each term's key and the queue's index.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Contributions_Derived_Deleted" AFTER DELETE ON "Contributions"
                BEGIN
                    DELETE FROM "ContributionTerms" WHERE "ContributionId" = OLD."Id";
                    DELETE FROM "SameIdeaWaiting" WHERE "OrganisationId" = OLD."OrganisationId" AND "ContributionId" = OLD."Id";
                END;
                """);
            return;
        }

        // Once for each statement, over all the rows it deleted: deleting an organisation deletes its contributions in one.
        migrationBuilder.Sql("""
            CREATE FUNCTION "Contributions_Derived_Deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                DELETE FROM "ContributionTerms" AS t USING gone WHERE t."ContributionId" = gone."Id";
                DELETE FROM "SameIdeaWaiting" AS w USING gone
                    WHERE w."OrganisationId" = gone."OrganisationId" AND w."ContributionId" = gone."Id";
                RETURN NULL;
            END $$;
            CREATE TRIGGER "Contributions_Derived_Deleted" AFTER DELETE ON "Contributions"
                REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION "Contributions_Derived_Deleted"();
            """);
        migrationBuilder.Sql("""
            ALTER TABLE "ContributionTerms" DROP CONSTRAINT "FK_ContributionTerms_Contributions_ContributionId";
            ALTER TABLE "SameIdeaWaiting" DROP CONSTRAINT "FK_SameIdeaWaiting_Contributions_ContributionId";
            DROP INDEX "IX_SameIdeaWaiting_ContributionId";
            ALTER TABLE "ContributionTerms" ALTER COLUMN "Term" TYPE character varying(40) COLLATE "C";
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""DROP TRIGGER "Contributions_Derived_Deleted";""");
            migrationBuilder.Sql(SqliteTables(withKeys: true));
            migrationBuilder.Sql("""CREATE INDEX "IX_SameIdeaWaiting_ContributionId" ON "SameIdeaWaiting" ("ContributionId");""");
            return;
        }

        migrationBuilder.Sql("""
            DROP TRIGGER "Contributions_Derived_Deleted" ON "Contributions";
            DROP FUNCTION "Contributions_Derived_Deleted"();
            ALTER TABLE "ContributionTerms" ALTER COLUMN "Term" TYPE character varying(40) COLLATE "default";
            CREATE INDEX "IX_SameIdeaWaiting_ContributionId" ON "SameIdeaWaiting" ("ContributionId");
            ALTER TABLE "SameIdeaWaiting" ADD CONSTRAINT "FK_SameIdeaWaiting_Contributions_ContributionId"
                FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE;
            ALTER TABLE "ContributionTerms" ADD CONSTRAINT "FK_ContributionTerms_Contributions_ContributionId"
                FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE;
            """);
    }

    /// <summary>SQLite: both tables made again, with or without their foreign keys, keeping their rows and indexes.</summary>
    private static string SqliteTables(bool withKeys)
    {
        var termKey = withKeys
            ? """, CONSTRAINT "FK_ContributionTerms_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE"""
            : "";
        var waitingKey = withKeys
            ? """, CONSTRAINT "FK_SameIdeaWaiting_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE"""
            : "";
        return $"""
            CREATE TABLE "ContributionTerms_New" (
                "OrganisationId" TEXT NOT NULL,
                "ContributionId" TEXT NOT NULL,
                "Term" TEXT NOT NULL,
                CONSTRAINT "PK_ContributionTerms" PRIMARY KEY ("ContributionId", "Term"){termKey});
            INSERT INTO "ContributionTerms_New" ("OrganisationId", "ContributionId", "Term")
                SELECT "OrganisationId", "ContributionId", "Term" FROM "ContributionTerms" ORDER BY "ContributionId", "Term";
            DROP TABLE "ContributionTerms";
            ALTER TABLE "ContributionTerms_New" RENAME TO "ContributionTerms";
            {TermIndex}
            CREATE TABLE "SameIdeaWaiting_New" (
                "Id" TEXT NOT NULL CONSTRAINT "PK_SameIdeaWaiting" PRIMARY KEY,
                "OrganisationId" TEXT NOT NULL,
                "ContributionId" TEXT NOT NULL{waitingKey});
            INSERT INTO "SameIdeaWaiting_New" ("Id", "OrganisationId", "ContributionId")
                SELECT "Id", "OrganisationId", "ContributionId" FROM "SameIdeaWaiting";
            DROP TABLE "SameIdeaWaiting";
            ALTER TABLE "SameIdeaWaiting_New" RENAME TO "SameIdeaWaiting";
            {WaitingIndex}
            """;
    }
}
