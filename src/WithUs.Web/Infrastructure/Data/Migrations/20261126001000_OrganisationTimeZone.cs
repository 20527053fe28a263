using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Each organisation's time zone (IANA id), whose days "today", "this week" and dates without a time follow.
/// Existing organisations get Europe/London. Written by hand and provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261126001000_OrganisationTimeZone")]
public sealed class OrganisationTimeZone : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("TimeZone", "Organisations", maxLength: 64, nullable: false, defaultValue: "Europe/London");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"Organisations\" DROP COLUMN \"TimeZone\";");
        }
        else
        {
            migrationBuilder.DropColumn("TimeZone", "Organisations");
        }
    }
}
