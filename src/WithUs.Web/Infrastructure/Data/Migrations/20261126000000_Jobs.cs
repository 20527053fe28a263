using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Background jobs: one row per job holding its lease, its next run and how the last one went (docs/adr, background
/// jobs). Hand-written and provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261126000000_Jobs")]
public sealed class Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "JobStates",
            columns: t => new
            {
                Name = t.Column<string>(maxLength: 100, nullable: false),
                Status = t.Column<int>(nullable: false),
                Attempts = t.Column<int>(nullable: false),
                Runs = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
                LeaseId = t.Column<Guid>(nullable: true),
                LeasedBy = t.Column<string>(maxLength: 200, nullable: true),
                LeaseUntilUtc = t.Column<DateTime>(nullable: true),
                RunRequested = t.Column<bool>(nullable: false),
                NextRunAtUtc = t.Column<DateTime>(nullable: true),
                LastStartedAtUtc = t.Column<DateTime>(nullable: true),
                LastFinishedAtUtc = t.Column<DateTime>(nullable: true),
                LastSucceededAtUtc = t.Column<DateTime>(nullable: true),
                LastFailedAtUtc = t.Column<DateTime>(nullable: true),
                LastError = t.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_JobStates", x => x.Name));

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("JobStates");
}
