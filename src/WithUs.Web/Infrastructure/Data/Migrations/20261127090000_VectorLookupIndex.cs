using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Sentence vectors are read a few dozen at a time by contribution (a suggestion's best candidates), always within the
/// organisation and model. Given (OrganisationId, Model) and the unique ContributionId index, SQLite (which plans
/// without statistics) chose the first for a list of 65 ids and read every vector of the organisation: about 100 ms a
/// suggestion at 100,000. With ContributionId added to it, the one index serves the lookup, the count and the load.
/// Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127090000_VectorLookupIndex")]
public sealed class VectorLookupIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContributionVectors_OrganisationId_Model", "ContributionVectors");
        migrationBuilder.CreateIndex("IX_ContributionVectors_OrganisationId_Model_ContributionId", "ContributionVectors",
            ["OrganisationId", "Model", "ContributionId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContributionVectors_OrganisationId_Model_ContributionId", "ContributionVectors");
        migrationBuilder.CreateIndex("IX_ContributionVectors_OrganisationId_Model", "ContributionVectors", ["OrganisationId", "Model"]);
    }
}
