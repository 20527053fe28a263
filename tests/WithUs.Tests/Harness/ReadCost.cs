using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace WithUs.Tests.Harness;

/// <summary>
/// How much reading a page's queries make the database do, counted by the database itself, so a test can show that a
/// page's cost follows what it shows and not how many rows the organisation holds, without timing anything (issue 9).
/// Each recorded SELECT is run again on its own connection:
/// SQLite counts virtual-machine instructions (a progress handler called every <see cref="SqliteStep"/>), which grow
/// with every row a scan, a sort or a count touches; PostgreSQL counts the rows its scans read (EXPLAIN ANALYZE: rows
/// returned plus rows removed by a filter or a recheck, times the loops, with full scans avoided wherever an index
/// could serve, as they would be at size). The two units differ: compare sizes on one
/// database, never one database with the other.
/// </summary>
public sealed record ReadCost(long Total, IReadOnlyList<ReadCost.Query> Queries)
{
    public const int SqliteStep = 100;

    /// <summary>The cost of the queries the action sends (reads only: a page's own writes are not its reading).</summary>
    public static async Task<ReadCost> OfAsync(WithUsFactory app, Func<Task> action)
    {
        IReadOnlyList<RecordedCommand> commands;
        using (var recording = app.Queries.Record())
        {
            await action();
            commands = recording.Commands;
        }

        return await OfAsync(app.Provider, app.Database.ConnectionString, commands);
    }

    /// <summary>
    /// What a page costs when it is looked at again: the first look warms what is kept (the build-up window's counts,
    /// the term statistics) and is not measured; both must answer 200.
    /// </summary>
    public static async Task<ReadCost> OfSecondLookAsync(WithUsFactory app, HttpClient client, string url)
    {
        var address = new Uri(url, UriKind.Relative);
        using (var first = await client.GetAsync(address))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }

        return await OfAsync(app, async () =>
        {
            using var second = await client.GetAsync(address);
            second.StatusCode.ShouldBe(HttpStatusCode.OK, url);
        });
    }

    public static async Task<ReadCost> OfAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<RecordedCommand> commands)
    {
        var reads = commands.Where(IsRead).ToList();
        var costs = new List<Query>();
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            foreach (var command in reads)
            {
                costs.Add(new Query(command.Text, SqliteInstructions(connection, command)));
            }
        }
        else
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            // A test's tables are small, and on a small table a full scan is the cheaper plan, so PostgreSQL would
            // choose one even where an index serves the query: asked to avoid them, it scans only where nothing else
            // can answer, which is what a page at a region's size would meet.
            // Statistics first, as a live server keeps them: without them every filter looks equally selective.
            await using (var avoidScans = new NpgsqlCommand("ANALYZE; SET enable_seqscan = off", connection))
            {
                await avoidScans.ExecuteNonQueryAsync();
            }

            foreach (var command in reads)
            {
                costs.Add(new Query(command.Text, await PostgresRowsReadAsync(connection, command)));
            }
        }

        return new ReadCost(costs.Sum(c => c.Cost), costs);
    }

    /// <summary>The total, then each query, dearest first: what a failing test should print.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"total {Total} over {Queries.Count} queries:\n") +
        string.Join('\n', Queries.OrderByDescending(q => q.Cost).Select(q => string.Create(CultureInfo.InvariantCulture, $"  {q.Cost,10}  {q.Text.ReplaceLineEndings(" ")}")));

    private static bool IsRead(RecordedCommand command)
    {
        var text = command.Text.TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase);
    }

    private static long SqliteInstructions(SqliteConnection connection, RecordedCommand recorded)
    {
        long steps = 0;
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, SqliteStep, _ =>
        {
            steps++;
            return 0;
        }, null);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = recorded.Text;
            foreach (var parameter in recorded.Parameters)
            {
                command.Parameters.Add(parameter);
            }

            // Synchronously: nothing else may set a progress handler on the connection while the statement runs.
            Drain(command);
            command.Parameters.Clear();
        }
        finally
        {
            SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
        }

        return steps * SqliteStep;
    }

    private static async Task<long> PostgresRowsReadAsync(NpgsqlConnection connection, RecordedCommand recorded)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + recorded.Text;
        foreach (var parameter in recorded.Parameters)
        {
            command.Parameters.Add(((NpgsqlParameter)parameter).Clone());
        }

        var json = (string)(await command.ExecuteScalarAsync())!;
        using var plan = JsonDocument.Parse(json);
        return RowsRead(plan.RootElement[0].GetProperty("Plan"));
    }

    private static long RowsRead(JsonElement node)
    {
        long read = 0;
        var type = node.GetProperty("Node Type").GetString()!;
        // A bitmap index scan's rows are read again, and counted, by the bitmap heap scan above it.
        if (type.Contains("Scan", StringComparison.Ordinal) && type != "Bitmap Index Scan")
        {
            var loops = Number(node, "Actual Loops");
            read += (Number(node, "Actual Rows") + Number(node, "Rows Removed by Filter") + Number(node, "Rows Removed by Index Recheck")) * Math.Max(1, loops);
        }

        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                read += RowsRead(child);
            }
        }

        return read;
    }

    private static long Number(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) ? (long)Math.Round(value.GetDouble()) : 0;

    private static void Drain(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        do
        {
            while (reader.Read())
            {
            }
        }
        while (reader.NextResult());
    }

    /// <summary>One query and what it cost.</summary>
    public sealed record Query(string Text, long Cost);
}
