using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 11, meeting reminders by email: which version of a meeting (its sequence) WithUs last emailed each person
/// invited about, so a change or the cancelling is emailed to them once. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261205300000_MeetingReminders")]
public sealed class MeetingReminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<int>("EmailedSequence", "MeetingInvitees", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // EF will not drop a column on SQLite; SQLite itself has since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"MeetingInvitees\" DROP COLUMN \"EmailedSequence\";");
        }
        else
        {
            migrationBuilder.DropColumn("EmailedSequence", "MeetingInvitees");
        }
    }
}
