using Microsoft.Data.Sqlite;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// Holds a context's connection open for a long bulk write (a CSV import) and, on SQLite, sets that connection up for it
/// until the write is done. SQLite keeps a copy of each page a statement changes, so that the statement alone can be
/// undone inside the transaction, whenever the table has a trigger; a row of <c>Contributions</c> touches a page of each
/// of its many indexes, more than the copy holds in memory by default, so every row written opened a temporary file.
/// Keeping temporary storage in memory halved the time of the import's biggest step (docs/performance.md, "CSV import").
/// A larger page cache keeps the indexes being written to in memory. Both go back to the defaults afterwards, since the
/// connection returns to the pool. Start it before the transaction: SQLite refuses the change inside one.
/// </summary>
public sealed class BulkWriting : IAsyncDisposable
{
    /// <summary>The page cache while writing, in KiB (SQLite's own default is 2,000 KiB).</summary>
    private const int CacheKib = 16 * 1024;

    private readonly WithUsDbContext db;
    private readonly SqliteConnection? sqlite;
    private readonly long tempStore;
    private readonly long cacheSize;

    private BulkWriting(WithUsDbContext db, SqliteConnection? sqlite, long tempStore, long cacheSize)
    {
        this.db = db;
        this.sqlite = sqlite;
        this.tempStore = tempStore;
        this.cacheSize = cacheSize;
    }

    public static async Task<BulkWriting> BeginAsync(WithUsDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (db.Database.GetDbConnection() is not SqliteConnection sqlite)
        {
            return new BulkWriting(db, null, 0, 0);
        }

        var tempStore = await ReadAsync(sqlite, "PRAGMA temp_store;", cancellationToken);
        var cacheSize = await ReadAsync(sqlite, "PRAGMA cache_size;", cancellationToken);
        await RunAsync(sqlite, string.Create(CultureInfo.InvariantCulture, $"PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{CacheKib};"), cancellationToken);
        return new BulkWriting(db, sqlite, tempStore, cacheSize);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (sqlite is not null)
            {
                await RunAsync(sqlite, string.Create(CultureInfo.InvariantCulture, $"PRAGMA temp_store = {tempStore}; PRAGMA cache_size = {cacheSize};"),
                    CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> ReadAsync(SqliteConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task RunAsync(SqliteConnection connection, string pragmas, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
