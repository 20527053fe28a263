using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WithUs.Tests.Infrastructure.Data;

/// <summary>Reads one setting as the app's own connections see it (a pragma, a <c>SHOW</c>).</summary>
internal static class ConnectionSettings
{
    public static Task<string?> ReadAsync(WebApplicationFactory<Program> app, string statement) =>
        app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The statement comes from the tests' own data.
                command.CommandText = statement;
#pragma warning restore CA2100
                return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
}
