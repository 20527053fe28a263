using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, meetings: when and where, what the place offers and what is arranged, agenda and notes; who was invited,
/// whether they came and were reminded; and what partners spent to come. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261204300000_ProjectMeetings")]
public sealed class ProjectMeetings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProjectMeetings",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                ProjectId = t.Column<Guid>(nullable: false),
                Title = t.Column<string>(maxLength: 120, nullable: false),
                StartsAtUtc = t.Column<DateTime>(nullable: false),
                EndsAtUtc = t.Column<DateTime>(nullable: false),
                Format = t.Column<int>(nullable: false),
                PlaceName = t.Column<string>(maxLength: 120, nullable: true),
                PlaceAddress = t.Column<string>(maxLength: 300, nullable: true),
                IsPartnersPlace = t.Column<bool>(nullable: false),
                OnlineLink = t.Column<string>(maxLength: 500, nullable: true),
                Support = t.Column<int>(nullable: false),
                Agenda = t.Column<string>(maxLength: 4000, nullable: true),
                Notes = t.Column<string>(maxLength: 8000, nullable: true),
                Sequence = t.Column<int>(nullable: false),
                CancelledAtUtc = t.Column<DateTime>(nullable: true),
                CreatedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ProjectMeetings", x => x.Id);
                t.ForeignKey("FK_ProjectMeetings_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ProjectMeetings_ProjectId_StartsAtUtc", "ProjectMeetings", ["ProjectId", "StartsAtUtc"]);
        migrationBuilder.CreateIndex("IX_ProjectMeetings_StartsAtUtc", "ProjectMeetings", "StartsAtUtc", filter: "\"CancelledAtUtc\" IS NULL");

        migrationBuilder.CreateTable(
            name: "MeetingInvitees",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                MeetingId = t.Column<Guid>(nullable: false),
                MemberId = t.Column<Guid>(nullable: false),
                Attended = t.Column<bool>(nullable: true),
                RemindedAtUtc = t.Column<DateTime>(nullable: true),
                RemindedBy = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MeetingInvitees", x => x.Id);
                t.ForeignKey("FK_MeetingInvitees_ProjectMeetings_MeetingId", x => x.MeetingId, "ProjectMeetings", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_MeetingInvitees_ProjectMembers_MemberId", x => x.MemberId, "ProjectMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MeetingInvitees_MeetingId_MemberId", "MeetingInvitees", ["MeetingId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_MeetingInvitees_MemberId", "MeetingInvitees", "MemberId");

        migrationBuilder.CreateTable(
            name: "MeetingExpenses",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                MeetingId = t.Column<Guid>(nullable: false),
                MemberId = t.Column<Guid>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                AmountPence = t.Column<int>(nullable: false),
                Note = t.Column<string>(maxLength: 200, nullable: true),
                RecordedAtUtc = t.Column<DateTime>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MeetingExpenses", x => x.Id);
                t.ForeignKey("FK_MeetingExpenses_ProjectMeetings_MeetingId", x => x.MeetingId, "ProjectMeetings", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_MeetingExpenses_ProjectMembers_MemberId", x => x.MemberId, "ProjectMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MeetingExpenses_MeetingId_MemberId", "MeetingExpenses", ["MeetingId", "MemberId"]);
        migrationBuilder.CreateIndex("IX_MeetingExpenses_MemberId", "MeetingExpenses", "MemberId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("MeetingExpenses");
        migrationBuilder.DropTable("MeetingInvitees");
        migrationBuilder.DropTable("ProjectMeetings");
    }
}
