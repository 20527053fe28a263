using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, a project's decision log: what was decided, the options, how it was decided (with a vote's count), any
/// dissent, how many partners and staff were in the room and the participation level worked out from those facts; and
/// who from the team was in the room. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261204400000_ProjectDecisions")]
public sealed class ProjectDecisions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectDecisions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                MeetingId = t.Column<Guid>(nullable: true),
                DecidedOn = t.Column<DateTime>(nullable: false),
                What = t.Column<string>(maxLength: 1000, nullable: false),
                Options = t.Column<string>(maxLength: 2000, nullable: true),
                How = t.Column<int>(nullable: false),
                VotesFor = t.Column<int>(nullable: true),
                VotesAgainst = t.Column<int>(nullable: true),
                VotesAbstained = t.Column<int>(nullable: true),
                Dissent = t.Column<string>(maxLength: 1000, nullable: true),
                PartnersPresent = t.Column<int>(nullable: false),
                StaffPresent = t.Column<int>(nullable: false),
                Level = t.Column<int>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                RecordedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectDecisions", x => x.Id);
                t.ForeignKey("FK_ProjectDecisions_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ProjectDecisions_ProjectMeetings_MeetingId", x => x.MeetingId, "ProjectMeetings", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_ProjectDecisions_ProjectId_DecidedOn", "ProjectDecisions", ["ProjectId", "DecidedOn"]);
        migrationBuilder.CreateIndex("IX_ProjectDecisions_MeetingId", "ProjectDecisions", "MeetingId");

        migrationBuilder.CreateTable(
            name: "DecisionPresent",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                DecisionId = t.Column<Guid>(nullable: false),
                MemberId = t.Column<Guid>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DecisionPresent", x => x.Id);
                t.ForeignKey("FK_DecisionPresent_ProjectDecisions_DecisionId", x => x.DecisionId, "ProjectDecisions", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_DecisionPresent_ProjectMembers_MemberId", x => x.MemberId, "ProjectMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_DecisionPresent_DecisionId_MemberId", "DecisionPresent", ["DecisionId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_DecisionPresent_MemberId", "DecisionPresent", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("DecisionPresent");
        migrationBuilder.DropTable("ProjectDecisions");
    }
}
