using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 10, equality monitoring: special-category details (equality answers, a private access need) sealed with a key
/// kept outside the database (docs/adr/0021-sealed-special-category-data.md). Written by hand.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203700000_SealedDetails")]
public sealed class SealedDetails : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SealedDetails",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                KeyName = t.Column<string>(maxLength: 8, nullable: false),
                Value = t.Column<byte[]>(nullable: false),
                AtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SealedDetails", x => x.Id);
                t.ForeignKey("FK_SealedDetails_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SealedDetails_PersonId_Kind", "SealedDetails", ["PersonId", "Kind"], unique: true);
        migrationBuilder.CreateIndex("IX_SealedDetails_KeyName", "SealedDetails", "KeyName");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("SealedDetails");
}
