using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// One interest per person per idea and per theme, as unique indexes: parallel registrations (a double click) had
/// saved duplicates, after which every later registration for that person and idea failed. Duplicates already saved
/// are merged first: the earliest row stays (its date is when they first said so) with the kind most recently chosen.
/// Written by hand, provider-neutral (plain SQL that SQLite and PostgreSQL read alike).
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261127010000_OneInterestPerPerson")]
public sealed class OneInterestPerPerson : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var target in new[] { "ContributionId", "ThemeId" })
        {
            var same = $"""other."PersonId" = "Interests"."PersonId" AND other."{target}" = "Interests"."{target}" """;
            migrationBuilder.Sql($"""
                UPDATE "Interests" SET "Kind" = (
                    SELECT other."Kind" FROM "Interests" AS other WHERE {same}
                    ORDER BY other."CreatedAtUtc" DESC, other."Id" DESC LIMIT 1)
                WHERE EXISTS (SELECT 1 FROM "Interests" AS other WHERE {same} AND other."Id" <> "Interests"."Id");
                """);
            migrationBuilder.Sql($"""
                DELETE FROM "Interests"
                WHERE EXISTS (SELECT 1 FROM "Interests" AS other WHERE {same}
                    AND (other."CreatedAtUtc" < "Interests"."CreatedAtUtc"
                         OR (other."CreatedAtUtc" = "Interests"."CreatedAtUtc" AND other."Id" < "Interests"."Id")));
                """);
        }

        migrationBuilder.DropIndex("IX_Interests_PersonId_ContributionId_ThemeId", "Interests");
        migrationBuilder.CreateIndex("IX_Interests_PersonId_ContributionId", "Interests", ["PersonId", "ContributionId"], unique: true);
        migrationBuilder.CreateIndex("IX_Interests_PersonId_ThemeId", "Interests", ["PersonId", "ThemeId"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Interests_PersonId_ThemeId", "Interests");
        migrationBuilder.DropIndex("IX_Interests_PersonId_ContributionId", "Interests");
        migrationBuilder.CreateIndex("IX_Interests_PersonId_ContributionId_ThemeId", "Interests", ["PersonId", "ContributionId", "ThemeId"]);
    }
}
