using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>Voice import: uploaded CSV files waiting to be checked and imported. Hand-written and provider-neutral.</summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261122001000_VoiceImport")]
public sealed class VoiceImport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportBatches",
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                OrganisationId = t.Column<Guid>(nullable: false),
                FileName = t.Column<string>(maxLength: 200, nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                Status = t.Column<int>(nullable: false),
                TotalRows = t.Column<int>(nullable: false),
                ProcessedRows = t.Column<int>(nullable: false),
                ErrorCount = t.Column<int>(nullable: false),
                ErrorsJson = t.Column<string>(nullable: true),
                SummaryJson = t.Column<string>(nullable: true),
                Message = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedByUserId = t.Column<Guid>(nullable: false),
                CreatedAtUtc = t.Column<DateTime>(nullable: false),
                CompletedAtUtc = t.Column<DateTime>(nullable: true),
                LockedUntilUtc = t.Column<DateTime>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ImportBatches", x => x.Id);
                t.ForeignKey("FK_ImportBatches_Organisations_OrganisationId", x => x.OrganisationId, "Organisations", "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_ImportBatches_OrganisationId_CreatedAtUtc", "ImportBatches", ["OrganisationId", "CreatedAtUtc"]);
        migrationBuilder.CreateIndex("IX_ImportBatches_Status", "ImportBatches", "Status");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ImportBatches");
}
