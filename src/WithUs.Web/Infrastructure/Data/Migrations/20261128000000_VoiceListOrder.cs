using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// The list of what people said is ordered by the day said, then when recorded, then id, newest first. Without an
/// index in that order each request sorted all of the organisation's rows (about 1 s a page at 100,000 on SQLite);
/// with it a page is a seek to the previous page's last row and a walk of the next 26 entries. Written by hand,
/// provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261128000000_VoiceListOrder")]
public sealed class VoiceListOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_Contributions_OrganisationId_SaidOnUtc_CreatedAtUtc_Id", "Contributions",
            ["OrganisationId", "SaidOnUtc", "CreatedAtUtc", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_Contributions_OrganisationId_SaidOnUtc_CreatedAtUtc_Id", "Contributions");
}
