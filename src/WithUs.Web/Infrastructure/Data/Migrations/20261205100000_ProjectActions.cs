using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>Issue 11, a project's actions: who in the team will do what by when, and when it was done. Written by hand.</summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261205100000_ProjectActions")]
public sealed class ProjectActions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectActions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                What = t.Column<string>(maxLength: 300, nullable: false),
                MemberId = t.Column<Guid>(nullable: true),
                DueOn = t.Column<DateTime>(nullable: false),
                MeetingId = t.Column<Guid>(nullable: true),
                DoneAtUtc = t.Column<DateTime>(nullable: true),
                DoneByUserId = t.Column<Guid>(nullable: true),
                CreatedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectActions", x => x.Id);
                t.ForeignKey("FK_ProjectActions_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ProjectActions_ProjectMembers_MemberId", x => x.MemberId, "ProjectMembers", "Id", onDelete: ReferentialAction.SetNull);
                t.ForeignKey("FK_ProjectActions_ProjectMeetings_MeetingId", x => x.MeetingId, "ProjectMeetings", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_ProjectActions_ProjectId_DoneAtUtc_DueOn", "ProjectActions", ["ProjectId", "DoneAtUtc", "DueOn"]);
        migrationBuilder.CreateIndex("IX_ProjectActions_OrganisationId_DoneAtUtc_DueOn", "ProjectActions", ["OrganisationId", "DoneAtUtc", "DueOn"]);
        migrationBuilder.CreateIndex("IX_ProjectActions_MemberId", "ProjectActions", "MemberId");
        migrationBuilder.CreateIndex("IX_ProjectActions_MeetingId", "ProjectActions", "MeetingId");
        migrationBuilder.CreateIndex("IX_ProjectActions_ProjectId_MemberId_DueOn_What", "ProjectActions", ["ProjectId", "MemberId", "DueOn", "What"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ProjectActions");
}
