using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// A person's page lists what they said. Every query is filtered by organisation as well, and SQLite, without
/// statistics, chose an index on the organisation over the one on the person and read the whole organisation for a
/// handful of rows. With both columns in one index the person's rows are a seek. Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261128300000_PersonContributionsIndex")]
public sealed class PersonContributionsIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_PersonId", "Contributions", ["OrganisationId", "PersonId"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_PersonId", "Contributions");
}
