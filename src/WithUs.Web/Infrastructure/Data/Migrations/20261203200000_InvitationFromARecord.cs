using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10: staff invite a person to make an account straight from their record, and accepting links the account to
/// it. The invitation keeps which record; no foreign key (SQLite cannot add one to a table that exists), so an erased
/// person's invitation simply links nobody. Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203200000_InvitationFromARecord")]
public sealed class InvitationFromARecord : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("PersonId", "Invitations", nullable: true);
        migrationBuilder.CreateIndex("IX_Invitations_PersonId", "Invitations", "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Invitations_PersonId", "Invitations");
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("ALTER TABLE \"Invitations\" DROP COLUMN \"PersonId\";");
        }
        else
        {
            migrationBuilder.DropColumn("PersonId", "Invitations");
        }
    }
}
