using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// "These look like the same idea — link them?": the pairs offered to staff, one row per pair whatever was decided
/// (a unique index, so racing finders store a pair once and a dismissed pair never returns), and the queue of ideas
/// waiting to be compared. Every idea already there joins the queue, so existing ones are compared too after the
/// upgrade (its row takes the idea's own id, which is unique here). Written by hand, provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127060000_SameIdeaOffers")]
public sealed class SameIdeaOffers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SameIdeaOffers",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                FirstId = t.Column<Guid>(nullable: false),
                SecondId = t.Column<Guid>(nullable: false),
                Score = t.Column<double>(nullable: false),
                FoundAtUtc = t.Column<DateTime>(nullable: false),
                Decision = t.Column<int>(nullable: false),
                DecidedByUserId = t.Column<Guid>(nullable: true),
                DecidedAtUtc = t.Column<DateTime>(nullable: true),
                KeptId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SameIdeaOffers", x => x.Id);
                t.ForeignKey("FK_SameIdeaOffers_Contributions_FirstId", x => x.FirstId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_SameIdeaOffers_Contributions_SecondId", x => x.SecondId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SameIdeaOffers_OrganisationId_FirstId_SecondId", "SameIdeaOffers",
            ["OrganisationId", "FirstId", "SecondId"], unique: true);
        migrationBuilder.CreateIndex("IX_SameIdeaOffers_OrganisationId_Decision_Score", "SameIdeaOffers",
            ["OrganisationId", "Decision", "Score"]);
        migrationBuilder.CreateIndex("IX_SameIdeaOffers_FirstId", "SameIdeaOffers", "FirstId");
        migrationBuilder.CreateIndex("IX_SameIdeaOffers_SecondId", "SameIdeaOffers", "SecondId");

        migrationBuilder.CreateTable(
            name: "SameIdeaWaiting",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SameIdeaWaiting", x => x.Id);
                t.ForeignKey("FK_SameIdeaWaiting_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SameIdeaWaiting_OrganisationId_ContributionId", "SameIdeaWaiting",
            ["OrganisationId", "ContributionId"]);
        migrationBuilder.CreateIndex("IX_SameIdeaWaiting_ContributionId", "SameIdeaWaiting", "ContributionId");
        migrationBuilder.Sql("""
            INSERT INTO "SameIdeaWaiting" ("Id", "OrganisationId", "ContributionId")
            SELECT "Id", "OrganisationId", "Id" FROM "Contributions" WHERE "LinkedToId" IS NULL;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SameIdeaWaiting");
        migrationBuilder.DropTable("SameIdeaOffers");
    }
}
