using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11: a project's team is read by the project, on most of its pages; without an index of its own (the unique
/// ones are filtered to current members) the benchmark saw every organisation's places in teams scanned. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261205500000_ProjectTeamIndex")]
public sealed class ProjectTeamIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_ProjectMembers_ProjectId", "ProjectMembers", "ProjectId");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_ProjectMembers_ProjectId", "ProjectMembers");
}
