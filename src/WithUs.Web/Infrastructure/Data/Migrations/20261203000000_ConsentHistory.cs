using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, consent that is explicit, specific and easy to change: each answer a person gives (being recorded, being
/// contacted, photos, being quoted, equality monitoring) is a row of its own with when, how and who wrote it down, and
/// the newest for each kind stands. People already kept get the answers we know of: consent to be recorded when it was
/// recorded (given "online, themselves" when nobody from staff wrote it down, otherwise "not recorded", since how was
/// never asked), and consent to be contacted, when they gave it, from the day they were added. The two columns that
/// held the first of those move here. Written by hand, provider-neutral but for making new ids.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203000000_ConsentHistory")]
public sealed class ConsentHistory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Consents",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Given = t.Column<bool>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
                Way = t.Column<int>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                ThroughWhom = t.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Consents", x => x.Id);
                t.ForeignKey("FK_Consents_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Consents_PersonId_Kind_AtUtc", "Consents", ["PersonId", "Kind", "AtUtc"]);

        // The answer to being recorded takes the person's own id, unique here; the answer to contact needs a new one.
        var newId = migrationBuilder.IsSqlite()
            ? "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-7' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6)))"
            : "gen_random_uuid()";
        migrationBuilder.Sql($"""
            INSERT INTO "Consents" ("Id", "OrganisationId", "PersonId", "Kind", "Given", "AtUtc", "Way", "RecordedByUserId")
            SELECT "Id", "OrganisationId", "Id", 0, "ConsentToRecord", "ConsentRecordedAtUtc",
                   CASE WHEN "ConsentRecordedByUserId" IS NULL THEN 3 ELSE 5 END, "ConsentRecordedByUserId"
            FROM "People";
            INSERT INTO "Consents" ("Id", "OrganisationId", "PersonId", "Kind", "Given", "AtUtc", "Way", "RecordedByUserId")
            SELECT {newId}, "OrganisationId", "Id", 1, "MayContact", "CreatedAtUtc",
                   CASE WHEN "ConsentRecordedByUserId" IS NULL THEN 3 ELSE 5 END, "ConsentRecordedByUserId"
            FROM "People" WHERE "MayContact";
            """);

        foreach (var column in new[] { "ConsentRecordedAtUtc", "ConsentRecordedByUserId" })
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"People\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, "People");
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("ConsentRecordedAtUtc", "People", nullable: false, defaultValue: DateTime.UnixEpoch);
        migrationBuilder.AddColumn<Guid>("ConsentRecordedByUserId", "People", nullable: true);
        migrationBuilder.Sql("""
            UPDATE "People" SET
                "ConsentRecordedAtUtc" = COALESCE((SELECT MIN(c."AtUtc") FROM "Consents" AS c WHERE c."PersonId" = "People"."Id" AND c."Kind" = 0), "CreatedAtUtc"),
                "ConsentRecordedByUserId" = (SELECT c."RecordedByUserId" FROM "Consents" AS c WHERE c."PersonId" = "People"."Id" AND c."Kind" = 0 ORDER BY c."AtUtc" LIMIT 1);
            """);
        migrationBuilder.DropTable("Consents");
    }
}
