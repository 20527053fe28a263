using System.Data.Common;

namespace WithUs.Tests.Infrastructure.Data;

/// <summary>The embedded database is durable (every commit reaches the disk) and waits for a busy writer.</summary>
public sealed class SqliteConnectionSettingsTests(SqliteWithUsFactory app) : IClassFixture<SqliteWithUsFactory>
{
    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "2")]
    [InlineData("busy_timeout", "10000")]
    [InlineData("foreign_keys", "1")]
    public async Task EveryConnection_HasTheDurabilitySettings(string pragma, string expected)
    {
        var value = await ConnectionSettings.ReadAsync(app, $"PRAGMA {pragma};");

        value.ShouldBe(expected);
    }
}

/// <summary>
/// A bulk write (a CSV import) keeps SQLite's temporary storage in memory and a larger page cache on its connection
/// while it runs, and gives the connection back to the pool as it found it.
/// </summary>
public sealed class BulkWritingTests(SqliteWithUsFactory app) : IClassFixture<SqliteWithUsFactory>
{
    [Fact]
    public async Task ItsConnection_IsSetUpWhileWriting_AndPutBackAfter() =>
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            await db.Database.OpenConnectionAsync();
            try
            {
                var before = await SettingsAsync(db);

                await using (await BulkWriting.BeginAsync(db, CancellationToken.None))
                {
                    var during = await SettingsAsync(db);
                    during.TempStore.ShouldBe(2, "temporary storage in memory");
                    during.CacheSize.ShouldBeLessThan(before.CacheSize, "a larger cache (negative: in KiB)");
                }

                (await SettingsAsync(db)).ShouldBe(before);
                db.Database.GetDbConnection().State.ShouldBe(System.Data.ConnectionState.Open, "the caller's own open stays open");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    private static async Task<(long TempStore, long CacheSize)> SettingsAsync(WithUsDbContext db)
    {
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA temp_store;";
        var tempStore = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        command.CommandText = "PRAGMA cache_size;";
        var cacheSize = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        return (tempStore, cacheSize);
    }
}
