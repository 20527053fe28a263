using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, training and checks only where a role needs them: what each role needs and for how long, and what each
/// person did and when it runs out. No role needs anything until an organisation says so. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203400000_TrainingAndChecks")]
public sealed class TrainingAndChecks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RoleRequirements",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                RoleId = t.Column<Guid>(nullable: false),
                Name = t.Column<string>(maxLength: 100, nullable: false),
                LastsMonths = t.Column<int>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_RoleRequirements", x => x.Id);
                t.ForeignKey("FK_RoleRequirements_InvolvementRoles_RoleId", x => x.RoleId, "InvolvementRoles", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoleRequirements_RoleId_Name", "RoleRequirements", ["RoleId", "Name"], unique: true);

        migrationBuilder.CreateTable(
            name: "TrainingRecords",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                RequirementId = t.Column<Guid>(nullable: false),
                DoneOn = t.Column<DateTime>(nullable: false),
                ExpiresOn = t.Column<DateTime>(nullable: true),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_TrainingRecords", x => x.Id);
                t.ForeignKey("FK_TrainingRecords_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_TrainingRecords_RoleRequirements_RequirementId", x => x.RequirementId, "RoleRequirements", "Id",
                    onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TrainingRecords_PersonId_RequirementId_DoneOn", "TrainingRecords", ["PersonId", "RequirementId", "DoneOn"]);
        migrationBuilder.CreateIndex("IX_TrainingRecords_RequirementId", "TrainingRecords", "RequirementId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TrainingRecords");
        migrationBuilder.DropTable("RoleRequirements");
    }
}
