using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>Issue 10, recognition without money: thanks, certificates and milestones on a person's record. Written by hand.</summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261203600000_Recognition")]
public sealed class Recognitions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Recognitions",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                PersonId = t.Column<Guid>(nullable: false),
                Kind = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                GivenOn = t.Column<DateTime>(nullable: false),
                RecordedByUserId = t.Column<Guid>(nullable: true),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Recognitions", x => x.Id);
                t.ForeignKey("FK_Recognitions_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Recognitions_PersonId_GivenOn", "Recognitions", ["PersonId", "GivenOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Recognitions");
}
