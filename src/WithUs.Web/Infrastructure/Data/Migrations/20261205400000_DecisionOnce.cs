using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11: the same decision recorded twice on the same day (a second click) is one. A key of what was decided is
/// kept with each new decision and is unique with the project and the day; decisions recorded before have none (and
/// nulls never clash), so nothing already kept is changed. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261205400000_DecisionOnce")]
public sealed class DecisionOnce : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("WhatKey", "ProjectDecisions", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_ProjectDecisions_ProjectId_DecidedOn_WhatKey", "ProjectDecisions", ["ProjectId", "DecidedOn", "WhatKey"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ProjectDecisions_ProjectId_DecidedOn_WhatKey", "ProjectDecisions");
        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"ProjectDecisions\" DROP COLUMN \"WhatKey\";");
        }
        else
        {
            migrationBuilder.DropColumn("WhatKey", "ProjectDecisions");
        }
    }
}
