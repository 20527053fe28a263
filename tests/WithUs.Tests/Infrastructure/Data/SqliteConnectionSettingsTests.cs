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
        var value = await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The pragma name comes from the test's own data.
                command.CommandText = $"PRAGMA {pragma};";
#pragma warning restore CA2100
                return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

        value.ShouldBe(expected);
    }
}
