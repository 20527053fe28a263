using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, retention: how long an organisation keeps people it has not heard from (3 years unless it says otherwise),
/// and the day the daily job found each person past it. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203900000_Retention")]
public sealed class Retention : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("RetentionYears", "Organisations", nullable: false, defaultValue: 3);
        migrationBuilder.AddColumn<DateTime>("PastRetentionSince", "People", nullable: true);
        migrationBuilder.CreateIndex("IX_People_OrganisationId_PastRetentionSince", "People", ["OrganisationId", "PastRetentionSince"],
            filter: "\"PastRetentionSince\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_People_OrganisationId_PastRetentionSince", "People");
        foreach (var (table, column) in new[] { ("People", "PastRetentionSince"), ("Organisations", "RetentionYears") })
        {
            if (migrationBuilder.IsSqlite())
            {
                // EF will not drop a column on SQLite; SQLite itself has since 3.35.
                migrationBuilder.Sql($"ALTER TABLE \"{table}\" DROP COLUMN \"{column}\";");
            }
            else
            {
                migrationBuilder.DropColumn(column, table);
            }
        }
    }
}
