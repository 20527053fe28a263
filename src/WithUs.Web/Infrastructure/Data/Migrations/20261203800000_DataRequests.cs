using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>Issue 10, a partner's own data: what they ask staff to do with it (erasure), due a month later. Written by hand.</summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203800000_DataRequests")]
public sealed class DataRequests : Migration
{
    private const string Waiting = "\"DoneAtUtc\" IS NULL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataRequests",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: true),
                Kind = t.Column<int>(nullable: false),
                RequestedAtUtc = t.Column<DateTime>(nullable: false),
                DueOn = t.Column<DateTime>(nullable: false),
                DoneAtUtc = t.Column<DateTime>(nullable: true),
                DoneByUserId = t.Column<Guid>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DataRequests", x => x.Id);
                t.ForeignKey("FK_DataRequests_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_DataRequests_PersonId_Kind", "DataRequests", ["PersonId", "Kind"], unique: true, filter: Waiting);
        migrationBuilder.CreateIndex("IX_DataRequests_OrganisationId_DueOn", "DataRequests", ["OrganisationId", "DueOn"], filter: Waiting);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("DataRequests");
}
