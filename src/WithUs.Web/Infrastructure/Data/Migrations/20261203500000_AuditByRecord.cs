using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10: the audit page answers "who looked at this person between two dates", reading one record's entries by
/// this index instead of the whole organisation's log. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203500000_AuditByRecord")]
public sealed class AuditByRecord : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_AuditEntries_EntityType_EntityId_AtUtc", "AuditEntries", ["EntityType", "EntityId", "AtUtc"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_AuditEntries_EntityType_EntityId_AtUtc", "AuditEntries");
}
