using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using WithUs.Web.Features.People;

namespace WithUs.Tests.Infrastructure.Data.Migrations;

/// <summary>A database that already holds duplicate interests (saved by parallel requests before the rule) still migrates.</summary>
public sealed class OneInterestPerPersonTests
{
    private const string Migration = "20261127010000_OneInterestPerPerson";

    private readonly DatabaseProvider provider = TestDatabase.Current;

    [DatabaseFact]
    public async Task Up_WithDuplicatesSaved_KeepsTheEarliestOfEachWithTheKindChosenLast()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using var db = database.NewContext();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[migrations.IndexOf(Migration) - 1]);
        var idaId = Guid.CreateVersion7();
        var (organisation, ida, ben, idea, theme) = (Id(), Literal(idaId), Id(), Id(), Id());
        var (idaFirst, idaTheme, benOnly) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // Plain SQL with the columns the tables had then, so later migrations cannot change what this test inserts.
        await ExecuteAsync(db,
            $"""INSERT INTO "Organisations" ("Id", "Name", "Slug", "CreatedAtUtc") VALUES ({organisation}, 'Club', 'club', '2026-01-01 09:00:00')""",
            Person(ida, organisation, "Ida"),
            Person(ben, organisation, "Ben"),
            $"""
            INSERT INTO "Contributions" ("Id", "OrganisationId", "Text", "Kind", "Channel", "SaidOnUtc", "Provenance", "Source", "Outcome", "IsPublished", "TermCount", "CreatedAtUtc")
            VALUES ({idea}, {organisation}, 'A football club', 0, 0, '2026-01-01 00:00:00', 0, 0, 0, FALSE, 2, '2026-01-01 09:00:00')
            """,
            $"""INSERT INTO "Themes" ("Id", "OrganisationId", "Name", "IsArchived", "CreatedAtUtc") VALUES ({theme}, {organisation}, 'Sport', FALSE, '2026-01-01 09:00:00')""",
            Interest(Literal(idaFirst), organisation, ida, idea, null, InterestKind.WantsToHear, "2026-01-02 10:00:00"),
            Interest(Id(), organisation, ida, idea, null, InterestKind.WantsToHear, "2026-01-02 10:00:01"),
            Interest(Id(), organisation, ida, idea, null, InterestKind.WouldTakePart, "2026-01-03 10:00:00"),
            Interest(Literal(idaTheme), organisation, ida, null, theme, InterestKind.WouldTakePart, "2026-01-02 10:00:00"),
            Interest(Id(), organisation, ida, null, theme, InterestKind.WantsToHear, "2026-01-01 10:00:00"),
            Interest(Literal(benOnly), organisation, ben, idea, null, InterestKind.WantsToHear, "2026-01-04 10:00:00"));

        await db.Database.MigrateAsync();

        var kept = await db.Interests.IgnoreQueryFilters().AsNoTracking().OrderBy(i => i.CreatedAtUtc).ToListAsync();
        kept.Count.ShouldBe(3);
        kept.Single(i => i.ContributionId is not null && i.PersonId == idaId)
            .ShouldSatisfyAllConditions(i => i.Id.ShouldBe(idaFirst), i => i.Kind.ShouldBe(InterestKind.WouldTakePart));
        kept.Single(i => i.ThemeId is not null)
            .ShouldSatisfyAllConditions(i => i.CreatedAtUtc.Day.ShouldBe(1), i => i.Kind.ShouldBe(InterestKind.WouldTakePart));
        kept.ShouldContain(i => i.Id == benOnly && i.Kind == InterestKind.WantsToHear);
    }

    private static string Id() => Literal(Guid.CreateVersion7());

    /// <summary>An id as a quoted literal: SQLite keeps ids as upper-case text, and PostgreSQL reads that as a uuid.</summary>
    private static string Literal(Guid id) => $"'{id.ToString().ToUpperInvariant()}'";

    private static string Person(string id, string organisation, string name) =>
        $"""
        INSERT INTO "People" ("Id", "OrganisationId", "Name", "ConsentToRecord", "ConsentRecordedAtUtc", "MayContact", "CreatedAtUtc")
        VALUES ({id}, {organisation}, '{name}', TRUE, '2026-01-01 09:00:00', FALSE, '2026-01-01 09:00:00')
        """;

    private static string Interest(string id, string organisation, string person, string? idea, string? theme, InterestKind kind, string at) =>
        $"""
        INSERT INTO "Interests" ("Id", "OrganisationId", "PersonId", "ContributionId", "ThemeId", "Kind", "CreatedAtUtc")
        VALUES ({id}, {organisation}, {person}, {idea ?? "NULL"}, {theme ?? "NULL"}, {(int)kind}, '{at}')
        """;

    private static async Task ExecuteAsync(WithUsDbContext db, params string[] statements)
    {
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }
}
