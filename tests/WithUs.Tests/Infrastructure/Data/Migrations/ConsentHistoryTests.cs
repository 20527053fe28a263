using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Infrastructure.Data.Migrations;

/// <summary>People kept before consent had a history of its own keep the answers we know of, on both databases.</summary>
public sealed class ConsentHistoryTests
{
    private const string Migration = "20261203000000_ConsentHistory";

    private readonly DatabaseProvider provider = TestDatabase.Current;

    [DatabaseFact]
    public async Task Up_GivesEachPersonTheirConsentToBeRecorded_AndToContactWhenTheyGaveIt()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(Migration) - 1]);
        var (organisation, staff) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var (byStaff, themselves) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        // Plain SQL with the columns the table had then, so later migrations cannot change what this test inserts.
        foreach (var statement in new[]
                 {
                     $"""INSERT INTO "Organisations" ("Id", "Name", "Slug", "CreatedAtUtc") VALUES ({Literal(organisation)}, 'Club', 'club', '2026-01-01 09:00:00')""",
                     $"""
                     INSERT INTO "People" ("Id", "OrganisationId", "Name", "ConsentToRecord", "ConsentRecordedAtUtc", "ConsentRecordedByUserId", "MayContact", "ContactBy", "CreatedAtUtc")
                     VALUES ({Literal(byStaff)}, {Literal(organisation)}, 'Ada', TRUE, '2026-02-03 10:00:00', {Literal(staff)}, TRUE, 3, '2026-02-03 10:00:01')
                     """,
                     $"""
                     INSERT INTO "People" ("Id", "OrganisationId", "Name", "ConsentToRecord", "ConsentRecordedAtUtc", "ConsentRecordedByUserId", "MayContact", "CreatedAtUtc")
                     VALUES ({Literal(themselves)}, {Literal(organisation)}, 'Bo', TRUE, '2026-03-04 11:00:00', NULL, FALSE, '2026-03-04 11:00:00')
                     """,
                 })
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }

        await db.Database.MigrateAsync();

        var consents = await db.Consents.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        consents.Select(c => (c.PersonId, c.Kind, c.Given, c.Way, c.RecordedByUserId, c.AtUtc)).ShouldBe(
        [
            (byStaff, ConsentKind.Record, true, ConsentWay.NotRecorded, (Guid?)staff, new DateTime(2026, 2, 3, 10, 0, 0)),
            (byStaff, ConsentKind.Contact, true, ConsentWay.NotRecorded, (Guid?)staff, new DateTime(2026, 2, 3, 10, 0, 1)),
            (themselves, ConsentKind.Record, true, ConsentWay.Online, (Guid?)null, new DateTime(2026, 3, 4, 11, 0, 0)),
        ], ignoreOrder: true);
        consents.Select(c => c.Id).Distinct().Count().ShouldBe(3);
        consents.ShouldAllBe(c => c.OrganisationId == organisation);
        var people = await db.People.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Name).ToListAsync();
        people.Select(p => (p.Name, p.ConsentToRecord, p.MayContact)).ShouldBe([("Ada", true, true), ("Bo", true, false)]);
    }

    /// <summary>An id as a quoted literal: SQLite keeps ids as upper-case text, and PostgreSQL reads that as a uuid.</summary>
    private static string Literal(Guid id) => $"'{id.ToString().ToUpperInvariant()}'";
}
