using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Which version of the text analyser made each organisation's similarity index. Existing organisations get 0, so
/// the re-index job rebuilds their index with the current analyser the first time the app starts. Written by hand and
/// provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127040000_TermIndexVersion")]
public sealed class TermIndexVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("TermIndexVersion", "Organisations", nullable: false, defaultValue: 0);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"TermIndexVersion\";");
        }
        else
        {
            migrationBuilder.DropColumn("TermIndexVersion", "Organisations");
        }
    }
}
