using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, the people list at a region's size: "last heard from" is the newest SaidOnUtc of each person's
/// contributions. With only (OrganisationId, PersonId), SQLite answered each person's MAX by walking the organisation's
/// contributions in date order until it met one of theirs (91 ms for a page of 50 in an organisation of 10,000;
/// docs/performance.md). With SaidOnUtc last in the same index, each is one seek (4 ms). The index replaces the
/// two-column one, which it also serves. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261204000000_PeopleListIndex")]
public sealed class PeopleListIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_PersonId", "Contributions");
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_PersonId_SaidOnUtc", "Contributions", ["OrganisationId", "PersonId", "SaidOnUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_PersonId_SaidOnUtc", "Contributions");
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_PersonId", "Contributions", ["OrganisationId", "PersonId"]);
    }
}
