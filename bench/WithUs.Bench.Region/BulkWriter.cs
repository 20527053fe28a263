using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Bench.Region;

/// <summary>
/// Writes entity objects straight into their tables, bypassing change tracking: the table and column names, and how
/// each value is stored (enums as numbers, Guids as SQLite text), come from the app's own EF model, so the rows are
/// exactly what EF would have written. PostgreSQL: binary COPY; SQLite: one prepared INSERT per table, in large
/// transactions. Secondary indexes are dropped for the load and made again afterwards from their own definitions
/// (building an index from sorted rows is far quicker than growing it row by row), and foreign keys are not checked
/// while loading: the generator makes every reference itself.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    private readonly IModel model;
    private readonly List<(string Table, string Name, string Definition)> droppedIndexes = [];

    protected BulkWriter(IModel model) => this.model = model;

    public static async Task<BulkWriter> OpenAsync(WithUsDbContext db)
    {
        var connectionString = db.Database.GetConnectionString()!;
        BulkWriter writer = db.Database.IsNpgsql()
            ? new PostgresBulkWriter(db.Model, new NpgsqlConnection(connectionString))
            : new SqliteBulkWriter(db.Model, new SqliteConnection(connectionString));
        await writer.StartAsync();
        return writer;
    }

    protected abstract Task StartAsync();

    protected abstract DbConnection Connection { get; }

    /// <summary>Drops every index of these tables but their primary keys, remembering each to make it again.</summary>
    public async Task DropIndexesAsync(params Type[] entities)
    {
        foreach (var entity in entities)
        {
            var table = Table(entity).Name;
            foreach (var (name, definition) in await IndexesAsync(table))
            {
                droppedIndexes.Add((table, name, definition));
                await ExecuteAsync($"DROP INDEX \"{name}\"");
            }
        }
    }

    public async Task RestoreIndexesAsync(Action<string>? progress = null)
    {
        foreach (var (table, name, definition) in droppedIndexes)
        {
            progress?.Invoke($"{table}.{name}");
            await ExecuteAsync(definition);
        }

        droppedIndexes.Clear();
    }

    protected abstract Task<List<(string Name, string Definition)>> IndexesAsync(string table);

    /// <summary>
    /// What the database's own triggers keep, where this writer's session skipped them: on each contribution the
    /// outcome that counts, its date, and whether its idea is published (migration IdeaOutcomeOnEachRow) and whether
    /// whoever said it can be told (migration CanBeToldOnEachRow); on each idea its voices (migration
    /// VoiceCountOnEachIdea); on each theme how many contributions it has (migration ThemeCounts). Run before the
    /// indexes are made again, so each is built once on the right values.
    /// </summary>
    public virtual Task FillTriggeredColumnsAsync() => ExecuteAsync(FillVoiceCounts);

    /// <summary>
    /// Each idea's voices and "me too"s, for the whole load at once (the triggers, recounting an idea per "me too" written, would each
    /// want the index this writer drops): its own, each anonymous "me too", each other person once.
    /// </summary>
    private const string FillVoiceCounts = """
        UPDATE "Contributions" SET "VoiceCount" = 1 + v.n, "MeTooCount" = v.m
        FROM (SELECT m."LinkedToId" AS idea, COUNT(*) - COUNT(m."PersonId")
                + COUNT(DISTINCT CASE WHEN r."PersonId" IS NULL OR m."PersonId" <> r."PersonId" THEN m."PersonId" END) AS n, COUNT(*) AS m
            FROM "Contributions" AS m JOIN "Contributions" AS r ON r."Id" = m."LinkedToId"
            WHERE m."LinkedToId" IS NOT NULL GROUP BY m."LinkedToId") AS v
        WHERE v.idea = "Contributions"."Id";
        """;

    /// <summary>Two text columns of a catalogue query about one table.</summary>
    protected async Task<List<(string, string)>> PairsAsync(string sql, string table)
    {
        var found = new List<(string, string)>();
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add((reader.GetString(0), reader.GetString(1)));
        }

        return found;
    }

    public abstract Task FinishAsync();

    public async Task<int> WriteAsync<T>(IReadOnlyCollection<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var (table, columns) = Table(typeof(T));
        await WriteRowsAsync(table, columns, rows.Cast<object>(), rows.Count);
        return rows.Count;
    }

    protected abstract Task WriteRowsAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object> rows, int count);

    protected async Task ExecuteAsync(string sql)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private (string Name, IReadOnlyList<Column> Columns) Table(Type clrType)
    {
        var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the app's model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(store)!, p, p.GetTypeMapping()))
            .ToList();
        return (name, columns);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>One column: its name, and how to read and convert its value from an entity.</summary>
    protected sealed record Column(string Name, IProperty Property, CoreTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter getter = Property.GetGetter();

        public object? ValueOf(object entity)
        {
            var value = getter.GetClrValueUsingContainingEntity(entity);
            return value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }

    private sealed class SqliteBulkWriter(IModel model, SqliteConnection connection) : BulkWriter(model)
    {
        private const int RowsPerTransaction = 200_000;

        private readonly List<(string Name, string Definition)> voiceCountTriggers = [];

        protected override DbConnection Connection => connection;

        protected override async Task StartAsync()
        {
            await connection.OpenAsync();
            // Nothing else uses the file while it loads, and a failed load is simply run again, so the journal and
            // fsync are not needed; foreign keys are the generator's own (see the class summary).
            foreach (var pragma in new[] { "journal_mode=OFF", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-262144", "temp_store=MEMORY", "locking_mode=EXCLUSIVE" })
            {
                await ExecuteAsync("PRAGMA " + pragma);
            }

            // The voice-count triggers recount an idea from the index this writer drops: off for the load, filled at
            // the end (FillTriggeredColumnsAsync), made again from their own definitions.
            voiceCountTriggers.AddRange(await PairsAsync(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = @table AND name LIKE '%VoiceCount%'", "Contributions"));
            foreach (var (name, _) in voiceCountTriggers)
            {
                await ExecuteAsync($"DROP TRIGGER \"{name}\"");
            }
        }

        public override async Task FinishAsync()
        {
            foreach (var (_, definition) in voiceCountTriggers)
            {
                await ExecuteAsync(definition);
            }

            // Back to how the app made the file (WAL), so the app opens it as it always does.
            await ExecuteAsync("PRAGMA locking_mode=NORMAL");
            await ExecuteAsync("PRAGMA journal_mode=WAL");
        }

        protected override Task<List<(string Name, string Definition)>> IndexesAsync(string table) => PairsAsync(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL", table);

        protected override async Task WriteRowsAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object> rows, int count)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((c, i) =>
            {
                // The relational mapping configures the parameter as EF does (a Guid as upper-case text, for one).
                var parameter = ((RelationalTypeMapping)c.Mapping).CreateParameter(command, "$p" + i, null, nullable: true);
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            command.Prepare();
            var transaction = connection.BeginTransaction();
            command.Transaction = transaction;
            var inTransaction = 0;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = columns[i].ValueOf(row) ?? DBNull.Value;
                }

                command.ExecuteNonQuery();
                if (++inTransaction == RowsPerTransaction)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                    command.Transaction = transaction;
                    inTransaction = 0;
                }
            }

            await transaction.CommitAsync();
            await transaction.DisposeAsync();
        }
    }

    private sealed class PostgresBulkWriter(IModel model, NpgsqlConnection connection) : BulkWriter(model)
    {
        protected override DbConnection Connection => connection;

        protected override async Task StartAsync()
        {
            await connection.OpenAsync();
            // Replica mode skips the foreign-key triggers for this session (the generator makes every reference).
            await ExecuteAsync("SET session_replication_role = replica");
            await ExecuteAsync("SET maintenance_work_mem = '512MB'");
        }

        // Replica mode skips the triggers too; SQLite's fire as rows are written, but for the voice counts.
        public override async Task FillTriggeredColumnsAsync()
        {
            await base.FillTriggeredColumnsAsync();
            await ExecuteAsync("""
            UPDATE "Contributions" AS c SET ("IdeaOutcome", "IdeaOutcomeAtUtc", "IdeaIsPublished", "CanBeTold") = (
                SELECT i."Outcome", i."OutcomeAtUtc", i."IsPublished",
                    COALESCE((SELECT p."MayContact" OR p."UserId" IS NOT NULL FROM "People" AS p WHERE p."Id" = c."PersonId"), false)
                FROM "Contributions" AS i
                WHERE i."Id" = COALESCE(c."LinkedToId", c."Id"));
            UPDATE "Themes" AS t SET "ContributionCount" = n.count
                FROM (SELECT "ThemeId", count(*) AS count FROM "ContributionThemes" GROUP BY "ThemeId") AS n
                WHERE n."ThemeId" = t."Id";
            """);
        }

        public override async Task FinishAsync()
        {
            await ExecuteAsync("SET session_replication_role = DEFAULT");
            // Fresh statistics, as autovacuum would soon have gathered on a server that has been running.
            await ExecuteAsync("ANALYZE");
        }

        protected override Task<List<(string Name, string Definition)>> IndexesAsync(string table) => PairsAsync(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.tablename = @table AND i.schemaname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, table);

        protected override async Task WriteRowsAsync(string table, IReadOnlyList<Column> columns, IEnumerable<object> rows, int count)
        {
            var types = columns.Select(c => TypeOf(c)).ToArray();
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                // The synchronous writes: tens of millions of values, nearly all of them buffered, none worth a task.
                importer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    WriteValue(importer, columns[i].ValueOf(row), types[i]);
                }
            }

            await importer.CompleteAsync();
        }

        private static NpgsqlDbType TypeOf(Column column)
        {
            var store = ((RelationalTypeMapping)column.Mapping).StoreType;
            return (column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType) switch
            {
                var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
                var t when t == typeof(string) => NpgsqlDbType.Text,
                var t when t == typeof(int) => NpgsqlDbType.Integer,
                var t when t == typeof(long) => NpgsqlDbType.Bigint,
                var t when t == typeof(short) => NpgsqlDbType.Smallint,
                var t when t == typeof(bool) => NpgsqlDbType.Boolean,
                var t when t == typeof(byte[]) => NpgsqlDbType.Bytea,
                var t when t == typeof(DateTime) => store.Contains("without", StringComparison.Ordinal) ? NpgsqlDbType.Timestamp : NpgsqlDbType.TimestampTz,
                var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
                var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
                var t => throw new NotSupportedException($"{column.Name}: no COPY type for {t.Name} ({store})."),
            };
        }

        private static void WriteValue(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type)
        {
            switch (value)
            {
                case null: importer.WriteNull(); break;
                case Guid v: importer.Write(v, type); break;
                case string v: importer.Write(v, type); break;
                case int v: importer.Write(v, type); break;
                case long v: importer.Write(v, type); break;
                case short v: importer.Write(v, type); break;
                case bool v: importer.Write(v, type); break;
                case byte[] v: importer.Write(v, type); break;
                case DateTime v: importer.Write(v, type); break;
                case DateTimeOffset v: importer.Write(v, type); break;
                case decimal v: importer.Write(v, type); break;
                default: throw new NotSupportedException($"No COPY writer for {value.GetType().Name}.");
            }
        }
    }
}
