using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WithUs.Web.Features.Voice;

namespace WithUs.Web.Infrastructure.Data.Migrations;

/// <summary>
/// Issue 9, an idea's page. It shows how many "me too"s the idea has and the newest 50 of them, and it read every one
/// of them (hundreds at a region's size) to find those. The "me too"s alone, by idea, newest first, with who said each:
/// the page counts them from this index and walks it for the newest 50. Tried before, when every list page also read
/// each idea's "me too"s to count its voices; PostgreSQL then sometimes read all of an organisation's "me too"s from
/// here for that. Lists now read each idea's kept count (migration VoiceCountOnEachIdea) and no longer ask.
/// </summary>
[DbContext(typeof(WithUsDbContext))]
[Migration("20261202100000_IdeaVoicesInOrder")]
public sealed class IdeaVoicesInOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(ContributionConfiguration.IdeaVoicesIndex, "Contributions",
            ["OrganisationId", "LinkedToId", "SaidOnUtc", "CreatedAtUtc", "Id", "PersonId"], filter: "\"LinkedToId\" IS NOT NULL");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(ContributionConfiguration.IdeaVoicesIndex, "Contributions");
}
