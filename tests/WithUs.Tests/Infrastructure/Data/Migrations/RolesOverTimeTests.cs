using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Infrastructure.Data.Migrations;

/// <summary>Organisations made before roles existed get the roles a new one starts with, on both databases.</summary>
public sealed class RolesOverTimeTests
{
    private const string Migration = "20261203300000_RolesOverTime";

    private readonly DatabaseProvider provider = TestDatabase.Current;

    [DatabaseFact]
    public async Task Up_GivesEveryOrganisationTheDefaultRoles_InOrder()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(Migration) - 1]);
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var (id, name) in new[] { (first, "First"), (second, "Second") })
        {
            var statement = $"""INSERT INTO "Organisations" ("Id", "Name", "Slug", "CreatedAtUtc") VALUES ('{id.ToString().ToUpperInvariant()}', '{name}', '{name.ToLowerInvariant()}', '2026-01-01 09:00:00')""";
            await db.Database.ExecuteSqlRawAsync(statement);
        }

        await db.Database.MigrateAsync();

        var roles = await db.InvolvementRoles.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        foreach (var organisation in new[] { first, second })
        {
            roles.Where(r => r.OrganisationId == organisation).OrderBy(r => r.Position).Select(r => r.Name).ShouldBe(InvolvementRoles.Defaults);
        }

        roles.Select(r => r.Id).Distinct().Count().ShouldBe(20);
    }
}
