using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Similarity (and any page that loads contributions by id): every query is scoped to the organisation, and without
/// statistics SQLite then walks the organisation's (OrganisationId, Outcome) index, reading every contribution, rather
/// than look up the few ids it was given. With (OrganisationId, Id) and (OrganisationId, LinkedToId) it looks them up:
/// at 90k contributions, loading 50 by id fell from about 20 ms to under 0.1 ms. Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261122010000_SimilarityIndexes")]
public sealed class SimilarityIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_Id", "Contributions", ["OrganisationId", "Id"]);
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_LinkedToId", "Contributions", ["OrganisationId", "LinkedToId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_LinkedToId", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_Id", "Contributions");
    }
}
