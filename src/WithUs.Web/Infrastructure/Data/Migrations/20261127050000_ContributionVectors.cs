using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Sentence vectors for similar ideas that share no word (docs/adr/0011-sentence-embeddings.md): one row per
/// contribution, with the model that made it. Existing contributions get theirs from the similarity-embed job after
/// the upgrade. Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127050000_ContributionVectors")]
public sealed class ContributionVectors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ContributionVectors",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Model = t.Column<string>(maxLength: 100, nullable: false),
                Vector = t.Column<byte[]>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContributionVectors", x => x.Id);
                t.ForeignKey("FK_ContributionVectors_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ContributionVectors_ContributionId", "ContributionVectors", "ContributionId", unique: true);
        migrationBuilder.CreateIndex("IX_ContributionVectors_OrganisationId_Model", "ContributionVectors", ["OrganisationId", "Model"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ContributionVectors");
}
