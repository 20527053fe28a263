using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, "one contribution". An idea's page counts its voices (each person once) and lists the newest 50. It read
/// every "me too" of the idea through EF to count and sort them: at a region's size the most-voiced idea has 666, and
/// each row cost a lookup in the table as well as its reading. The index of an idea's voices by organisation and idea
/// A new index of the "me too"s alone holds an idea's voices in their order (SaidOnUtc, CreatedAtUtc, Id) with who
/// said each (PersonId): the newest 50 are a walk down it, and the counts are read from it alone, in the database.
/// It holds only rows with a LinkedToId: holding every row, it also covered "these ids and who said them", and SQLite,
/// planning without statistics, then read the whole organisation from it rather than look each id up (caught by
/// DetailsCostTests). (OrganisationId, LinkedToId) stays for the queries about ideas ("LinkedToId IS NULL").
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261201300000_IdeaVoicesIndex")]
public sealed class IdeaVoicesIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_Contributions_IdeaVoices", "Contributions",
            ["OrganisationId", "LinkedToId", "SaidOnUtc", "CreatedAtUtc", "Id", "PersonId"], filter: "\"LinkedToId\" IS NOT NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contributions_IdeaVoices", "Contributions");
    }
}
