using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// "We did" in words written for the public, apart from the explanation written for the person who said it, which
/// the public pages used to show. Outcomes already published are left without public words: the explanation was
/// written to one person and may name them or others, so it is not copied over; until staff write the public words,
/// the public see only the outcome's plain sentence ("We did it.") and reason. Written by hand and provider-neutral.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127030000_PublicOutcome")]
public sealed class PublicOutcome : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("PublicOutcome", "Contributions", maxLength: 1000, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            // EF's SQLite generator refuses DropColumn without a model snapshot; SQLite itself has done it since 3.35.
            migrationBuilder.Sql("ALTER TABLE \"Contributions\" DROP COLUMN \"PublicOutcome\";");
        }
        else
        {
            migrationBuilder.DropColumn("PublicOutcome", "Contributions");
        }
    }
}
