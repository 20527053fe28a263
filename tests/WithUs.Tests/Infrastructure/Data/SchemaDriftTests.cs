using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace WithUs.Tests.Infrastructure.Data;

/// <summary>
/// The migrations are written by hand, with no model snapshot. This proves, on each provider, that applying them to
/// an empty database makes exactly the schema EF would make from the model, as read back from the catalog.
/// </summary>
public sealed class SchemaDriftTests
{
    /// <summary>EF's own bookkeeping (__EFMigrationsHistory, and __EFMigrationsLock on SQLite) is not the app's schema.</summary>
    private const string EfTables = "__EFMigrations%";

    private readonly DatabaseProvider provider = TestDatabase.Current;

    [DatabaseFact]
    public async Task Migrations_MakeTheSameSchemaAsTheModel()
    {
        await using var migrated = ScratchDatabase.Create(provider);
        await using var created = ScratchDatabase.Create(provider);
        await using (var db = migrated.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = created.NewContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var fromMigrations = await ReadSchemaAsync(migrated);
        var fromModel = await ReadSchemaAsync(created);

        fromModel.ShouldNotBeEmpty();
        var onlyInMigrations = fromMigrations.Except(fromModel).ToList();
        var onlyInModel = fromModel.Except(fromMigrations).ToList();
        (onlyInMigrations.Count + onlyInModel.Count).ShouldBe(0,
            $"The {provider} schema made by the migrations differs from the model's (EnsureCreated).\n" +
            "Only in the migrations:\n  " + string.Join("\n  ", onlyInMigrations) + "\n" +
            "Only in the model:\n  " + string.Join("\n  ", onlyInModel));
    }

    [DatabaseFact]
    public async Task Migrations_AreAllRecordedAsApplied()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using var db = database.NewContext();

        await db.Database.MigrateAsync();

        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [DatabaseFact]
    public async Task Migrations_RolledBackToTheStart_LeaveNoTables()
    {
        await using var database = ScratchDatabase.Create(provider);
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
            await db.GetService<IMigrator>().MigrateAsync(Migration.InitialDatabase);
        }

        var schema = await ReadSchemaAsync(database);

        schema.ShouldBeEmpty();
    }

    private static async Task<SortedSet<string>> ReadSchemaAsync(ScratchDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            return await ReadPostgresAsync(connection);
        }

        await using var sqlite = new SqliteConnection(database.ConnectionString);
        await sqlite.OpenAsync();
        return await ReadSqliteAsync(sqlite);
    }

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var tables = await QueryAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '{EfTables}'");
        foreach (var table in tables)
        {
            var name = table["name"]!;
            var quoted = name.Replace("'", "''", StringComparison.Ordinal);
            lines.Add($"table {name} autoincrement={table["sql"]!.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase)}");
            foreach (var column in await QueryAsync(connection,
                         $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{quoted}')"))
            {
                lines.Add($"column {name}.{column["name"]} type={column["type"]} notnull={column["notnull"]} " +
                          $"default={column["dflt_value"]} pk={column["pk"]}");
            }

            foreach (var index in await QueryAsync(connection,
                         $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{quoted}')"))
            {
                var indexName = index["name"]!.Replace("'", "''", StringComparison.Ordinal);
                var columns = (await QueryAsync(connection,
                        $"SELECT name FROM pragma_index_info('{indexName}') ORDER BY seqno"))
                    .Select(c => c["name"]);
                lines.Add($"index {name}.{index["name"]} unique={index["unique"]} origin={index["origin"]} " +
                          $"partial={index["partial"]} columns=({string.Join(", ", columns)})");
            }

            foreach (var key in await QueryAsync(connection,
                         $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{quoted}')"))
            {
                lines.Add($"foreign key {name}.{key["from"]} -> {key["table"]}.{key["to"]} " +
                          $"on update {key["on_update"]} on delete {key["on_delete"]}");
            }
        }

        return lines;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var column in await QueryAsync(connection, $"""
                     SELECT table_name, column_name, data_type, udt_name, is_nullable, character_maximum_length,
                            numeric_precision, numeric_scale, datetime_precision, column_default, is_identity,
                            identity_generation, collation_name
                     FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name NOT LIKE '{EfTables}'
                     """))
        {
            lines.Add($"column {column["table_name"]}.{column["column_name"]} type={column["data_type"]} ({column["udt_name"]}) " +
                      $"nullable={column["is_nullable"]} max_length={column["character_maximum_length"]} " +
                      $"precision={column["numeric_precision"]},{column["numeric_scale"]},{column["datetime_precision"]} " +
                      $"default={column["column_default"]} identity={column["is_identity"]} {column["identity_generation"]} " +
                      $"collation={column["collation_name"]}");
        }

        foreach (var index in await QueryAsync(connection, $"""
                     SELECT tablename, indexname, indexdef FROM pg_indexes
                     WHERE schemaname = 'public' AND tablename NOT LIKE '{EfTables}'
                     """))
        {
            lines.Add($"index {index["tablename"]}.{index["indexname"]}: {index["indexdef"]}");
        }

        foreach (var constraint in await QueryAsync(connection, $"""
                     SELECT c.relname AS table_name, k.conname, k.contype::text AS contype,
                            pg_get_constraintdef(k.oid) AS definition, k.condeferrable::text AS deferrable
                     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
                     WHERE k.connamespace = 'public'::regnamespace AND c.relname NOT LIKE '{EfTables}'
                     """))
        {
            lines.Add($"constraint {constraint["table_name"]}.{constraint["conname"]} ({constraint["contype"]}): " +
                      $"{constraint["definition"]} deferrable={constraint["deferrable"]}");
        }

        foreach (var table in await QueryAsync(connection, $"""
                     SELECT table_name FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_name NOT LIKE '{EfTables}'
                     """))
        {
            lines.Add($"table {table["table_name"]}");
        }

        return lines;
    }

    private static async Task<List<Dictionary<string, string?>>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i)
                    ? null
                    : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
