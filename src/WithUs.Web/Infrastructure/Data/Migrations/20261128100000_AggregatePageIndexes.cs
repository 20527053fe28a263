using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9: the public pages and the feed read the newest published ideas, about 2,000 of 100,000 in a large
/// organisation. Without an index on being published they read every row, then sorted on a COALESCE. These partial
/// indexes hold only published rows, in the order of the date the pages show (the outcome's date, or for an idea not
/// yet decided, the day it was published; see PublicIdeas.ListAsync), so each list reads about as many rows as it
/// shows. Written by hand, provider-neutral (each filter is the same SQL on both databases).
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261128100000_AggregatePageIndexes")]
public sealed class AggregatePageIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Contributions_Published_OutcomeAtUtc", "Contributions",
            ["OrganisationId", "OutcomeAtUtc", "Id"], filter: "\"IsPublished\"");
        migrationBuilder.CreateIndex("IX_Contributions_Published_Undecided", "Contributions",
            ["OrganisationId", "PublishedAtUtc", "Id"], filter: "\"IsPublished\" AND \"OutcomeAtUtc\" IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_Published_Undecided", "Contributions");
        migrationBuilder.DropIndex("IX_Contributions_Published_OutcomeAtUtc", "Contributions");
    }
}
