using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9: the similarity index is written about fifteen rows per contribution, and a CSV import of 100,000 rows on
/// PostgreSQL spent its time putting each into three indexes: its own id, the term index, and the contribution index.
/// A contribution's terms are distinct, so the row is keyed by (ContributionId, Term) instead: the key serves the
/// lookups by contribution (and the foreign key's cascade), and the id and its index go. SQLite cannot change a
/// table's key in place, so there the table is made again and its rows copied; PostgreSQL alters it. Down restores
/// the id, with new values.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261129500000_ContributionTermKey")]
public sealed class ContributionTermKey : Migration
{
    private const string TermIndex =
        """CREATE INDEX "IX_ContributionTerms_OrganisationId_Term_ContributionId" ON "ContributionTerms" ("OrganisationId", "Term", "ContributionId");""";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ContributionTerms_New" (
                    "OrganisationId" TEXT NOT NULL,
                    "ContributionId" TEXT NOT NULL,
                    "Term" TEXT NOT NULL,
                    CONSTRAINT "PK_ContributionTerms" PRIMARY KEY ("ContributionId", "Term"),
                    CONSTRAINT "FK_ContributionTerms_Contributions_ContributionId" FOREIGN KEY ("ContributionId")
                        REFERENCES "Contributions" ("Id") ON DELETE CASCADE);
                INSERT OR IGNORE INTO "ContributionTerms_New" ("OrganisationId", "ContributionId", "Term")
                    SELECT "OrganisationId", "ContributionId", "Term" FROM "ContributionTerms" ORDER BY "ContributionId", "Term";
                DROP TABLE "ContributionTerms";
                ALTER TABLE "ContributionTerms_New" RENAME TO "ContributionTerms";
                """);
            migrationBuilder.Sql(TermIndex);
            return;
        }

        migrationBuilder.Sql("""
            DELETE FROM "ContributionTerms" a USING "ContributionTerms" b
                WHERE a."ContributionId" = b."ContributionId" AND a."Term" = b."Term" AND a."Id" > b."Id";
            ALTER TABLE "ContributionTerms" DROP CONSTRAINT "PK_ContributionTerms";
            DROP INDEX "IX_ContributionTerms_ContributionId";
            ALTER TABLE "ContributionTerms" DROP COLUMN "Id";
            ALTER TABLE "ContributionTerms" ADD CONSTRAINT "PK_ContributionTerms" PRIMARY KEY ("ContributionId", "Term");
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ContributionTerms_Old" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_ContributionTerms" PRIMARY KEY,
                    "OrganisationId" TEXT NOT NULL,
                    "ContributionId" TEXT NOT NULL,
                    "Term" TEXT NOT NULL,
                    CONSTRAINT "FK_ContributionTerms_Contributions_ContributionId" FOREIGN KEY ("ContributionId")
                        REFERENCES "Contributions" ("Id") ON DELETE CASCADE);
                INSERT INTO "ContributionTerms_Old" ("Id", "OrganisationId", "ContributionId", "Term")
                    SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-'
                        || hex(randomblob(2)) || '-' || hex(randomblob(6))), "OrganisationId", "ContributionId", "Term"
                    FROM "ContributionTerms";
                DROP TABLE "ContributionTerms";
                ALTER TABLE "ContributionTerms_Old" RENAME TO "ContributionTerms";
                CREATE INDEX "IX_ContributionTerms_ContributionId" ON "ContributionTerms" ("ContributionId");
                """);
            migrationBuilder.Sql(TermIndex);
            return;
        }

        migrationBuilder.Sql("""
            ALTER TABLE "ContributionTerms" DROP CONSTRAINT "PK_ContributionTerms";
            ALTER TABLE "ContributionTerms" ADD COLUMN "Id" uuid NOT NULL DEFAULT gen_random_uuid();
            ALTER TABLE "ContributionTerms" ALTER COLUMN "Id" DROP DEFAULT;
            ALTER TABLE "ContributionTerms" ADD CONSTRAINT "PK_ContributionTerms" PRIMARY KEY ("Id");
            CREATE INDEX "IX_ContributionTerms_ContributionId" ON "ContributionTerms" ("ContributionId");
            """);
    }
}
