using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The key ring moves from the hand-written repository (Guid ids, required columns) to the shape that
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore reads and writes (integer ids, nullable columns). Every
/// key is carried over unchanged, so the cookies and tokens issued before the upgrade are still read after it. The
/// identity annotations are EF's own for each provider; neither names a store type. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261126000000_DataProtectionKeysForEfStore")]
public sealed class DataProtectionKeysForEfStore : Migration
{
    private const string Moving = "DataProtectionKeysMoving";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        MoveAside(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = t.Column<string>(nullable: true),
                Xml = t.Column<string>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
        migrationBuilder.Sql($"""INSERT INTO "DataProtectionKeys" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "{Moving}";""");
        migrationBuilder.DropTable(Moving);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        MoveAside(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                FriendlyName = t.Column<string>(maxLength: 200, nullable: false),
                Xml = t.Column<string>(nullable: false),
            },
            constraints: t => t.PrimaryKey("PK_DataProtectionKeys", x => x.Id));

        // The old rows had client-made Guid ids; on the way back each key gets a fresh random one, in the text form
        // EF's SQLite provider reads (upper-case, hyphenated).
        var (newId, source) = migrationBuilder.IsSqlite()
            ? ("upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12))",
                $"""(SELECT lower(hex(randomblob(16))) AS h, "FriendlyName", "Xml" FROM "{Moving}")""")
            : ("gen_random_uuid()", $"\"{Moving}\"");
        migrationBuilder.Sql($"""
            INSERT INTO "DataProtectionKeys" ("Id", "FriendlyName", "Xml")
            SELECT {newId}, COALESCE("FriendlyName", ''), COALESCE("Xml", '') FROM {source} AS k;
            """);
        migrationBuilder.DropTable(Moving);
    }

    /// <summary>Copies every key into a table without keys or constraints, and drops the old table with its key name.</summary>
    private static void MoveAside(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: Moving,
            columns: t => new
            {
                FriendlyName = t.Column<string>(nullable: true),
                Xml = t.Column<string>(nullable: true),
            });
        migrationBuilder.Sql($"""INSERT INTO "{Moving}" ("FriendlyName", "Xml") SELECT "FriendlyName", "Xml" FROM "DataProtectionKeys";""");
        migrationBuilder.DropTable("DataProtectionKeys");
    }
}
