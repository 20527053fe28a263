using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9: each public list read its part of AggregatePageIndexes' published indexes past rows it does not show.
/// The front door (ideas open for voices) walked every done idea, newest first, to find the few decided ones still
/// open; "You said, we did" walked every published idea with no outcome yet to find the (normally no) undecided ones
/// with an outcome. These partial indexes hold exactly the rows of each of those reads, in the order shown, so each
/// reads about as many rows as it shows however long the history. Written by hand, provider-neutral (each filter is
/// the same SQL on both databases, and the same terms as the queries' WHERE, which SQLite needs to use it).
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261129200000_PublicListIndexes")]
public sealed class PublicListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Contributions_Published_Open_OutcomeAtUtc", "Contributions",
            ["OrganisationId", "OutcomeAtUtc", "Id"], filter: "\"IsPublished\" AND \"Outcome\" <> 4");
        migrationBuilder.CreateIndex("IX_Contributions_Published_Undecided_WithOutcome", "Contributions",
            ["OrganisationId", "PublishedAtUtc", "Id"], filter: "\"IsPublished\" AND \"OutcomeAtUtc\" IS NULL AND \"Outcome\" <> 0");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_Published_Undecided_WithOutcome", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_Published_Open_OutcomeAtUtc", "Contributions");
    }
}
