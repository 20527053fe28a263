using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, projects: a project with its four phases, the organisation's names for them, its boundaries (each change
/// a new version), the project an idea is part of, and each idea's history of outcomes, begun from the outcome each
/// already has. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261204100000_Projects")]
public sealed class Projects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Projects",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Title = t.Column<string>(maxLength: 120, nullable: false),
                Purpose = t.Column<string>(maxLength: 2000, nullable: true),
                ThemeId = t.Column<Guid>(nullable: true),
                CreatedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                DeliveredAtUtc = t.Column<DateTime>(nullable: true),
                DeliverySummary = t.Column<string>(maxLength: 2000, nullable: true),
                IsPublished = t.Column<bool>(nullable: false),
                PublicSummary = t.Column<string>(maxLength: 1000, nullable: true),
                PublishedAtUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Projects", x => x.Id);
                t.ForeignKey("FK_Projects_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_Projects_Themes_ThemeId", x => x.ThemeId, "Themes", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Projects_OrganisationId_CreatedAtUtc", "Projects", ["OrganisationId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_Projects_OrganisationId_Title", "Projects", ["OrganisationId", "Title"], unique: true);
        migrationBuilder.CreateIndex("IX_Projects_ThemeId", "Projects", "ThemeId");

        migrationBuilder.CreateTable(
            name: "ProjectPhases",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                Phase = t.Column<int>(nullable: false),
                Goals = t.Column<string>(maxLength: 1000, nullable: true),
                StartsOn = t.Column<DateTime>(nullable: true),
                EndsOn = t.Column<DateTime>(nullable: true),
                Status = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectPhases", x => x.Id);
                t.ForeignKey("FK_ProjectPhases_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ProjectPhases_ProjectId_Phase", "ProjectPhases", ["ProjectId", "Phase"], unique: true);

        migrationBuilder.CreateTable(
            name: "PhaseNames",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                Phase = t.Column<int>(nullable: false),
                Name = t.Column<string>(maxLength: 60, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_PhaseNames", x => x.Id);
                t.ForeignKey("FK_PhaseNames_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_PhaseNames_OrganisationId_Phase", "PhaseNames", ["OrganisationId", "Phase"], unique: true);

        migrationBuilder.CreateTable(
            name: "ProjectBoundaries",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 300, nullable: false),
                Reason = t.Column<int>(nullable: true),
                ReasonText = t.Column<string>(maxLength: 500, nullable: true),
                AddedAtUtc = t.Column<DateTime>(nullable: false),
                AddedByUserId = t.Column<Guid>(nullable: true),
                ReplacesId = t.Column<Guid>(nullable: true),
                ChangeWhy = t.Column<string>(maxLength: 500, nullable: true),
                EndedAtUtc = t.Column<DateTime>(nullable: true),
                EndedByUserId = t.Column<Guid>(nullable: true),
                EndedWhy = t.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectBoundaries", x => x.Id);
                t.ForeignKey("FK_ProjectBoundaries_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ProjectBoundaries_ProjectId_AddedAtUtc", "ProjectBoundaries", ["ProjectId", "AddedAtUtc"]);
        migrationBuilder.CreateIndex("IX_ProjectBoundaries_ReplacesId", "ProjectBoundaries", "ReplacesId", unique: true,
            filter: "\"ReplacesId\" IS NOT NULL");

        migrationBuilder.CreateTable(
            name: "ContributionOutcomes",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ContributionId = t.Column<Guid>(nullable: false),
                Outcome = t.Column<int>(nullable: false),
                NotPossibleReason = t.Column<int>(nullable: true),
                Explanation = t.Column<string>(maxLength: 2000, nullable: true),
                ProjectId = t.Column<Guid>(nullable: true),
                AtUtc = t.Column<DateTime>(nullable: false),
                ByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ContributionOutcomes", x => x.Id);
                t.ForeignKey("FK_ContributionOutcomes_Contributions_ContributionId", x => x.ContributionId, "Contributions", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ContributionOutcomes_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_ContributionOutcomes_ContributionId_AtUtc", "ContributionOutcomes", ["ContributionId", "AtUtc"]);
        migrationBuilder.CreateIndex("IX_ContributionOutcomes_ProjectId", "ContributionOutcomes", "ProjectId");

        if (migrationBuilder.IsSqlite())
        {
            // SQLite adds a column with a foreign key only this way (its default is null, as SQLite requires).
            migrationBuilder.Sql("""
                ALTER TABLE "Contributions" ADD COLUMN "ProjectId" TEXT NULL
                    CONSTRAINT "FK_Contributions_Projects_ProjectId" REFERENCES "Projects" ("Id") ON DELETE SET NULL;
                """);
        }
        else
        {
            migrationBuilder.AddColumn<Guid>("ProjectId", "Contributions", nullable: true);
            migrationBuilder.AddForeignKey("FK_Contributions_Projects_ProjectId", "Contributions", "ProjectId", "Projects",
                principalColumn: "Id", onDelete: ReferentialAction.SetNull);
        }

        migrationBuilder.CreateIndex("IX_Contributions_ProjectId", "Contributions", "ProjectId");

        // Each idea's history begins with the outcome it has now (an idea has one such row, so its id serves).
        migrationBuilder.Sql("""
            INSERT INTO "ContributionOutcomes" ("Id", "OrganisationId", "ContributionId", "Outcome", "NotPossibleReason", "Explanation", "ProjectId", "AtUtc", "ByUserId")
            SELECT "Id", "OrganisationId", "Id", "Outcome", "NotPossibleReason", "OutcomeExplanation", NULL, COALESCE("OutcomeAtUtc", "CreatedAtUtc"), NULL
            FROM "Contributions"
            WHERE "LinkedToId" IS NULL AND "Outcome" <> 0;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_ProjectId", "Contributions");
        if (migrationBuilder.IsSqlite())
        {
            // EF will not drop a column on SQLite; SQLite itself has since 3.35, once nothing indexes it.
            migrationBuilder.Sql("ALTER TABLE \"Contributions\" DROP COLUMN \"ProjectId\";");
        }
        else
        {
            migrationBuilder.DropForeignKey("FK_Contributions_Projects_ProjectId", "Contributions");
            migrationBuilder.DropColumn("ProjectId", "Contributions");
        }

        migrationBuilder.DropTable("ContributionOutcomes");
        migrationBuilder.DropTable("ProjectBoundaries");
        migrationBuilder.DropTable("PhaseNames");
        migrationBuilder.DropTable("ProjectPhases");
        migrationBuilder.DropTable("Projects");
    }
}
