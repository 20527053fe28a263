using System.Globalization;
using Npgsql;
using WithUs.Testing;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Bench.Region;

/// <summary>
/// The region benchmark's helper, driven by bench/run.sh (docs/performance.md, "Pages at a region's size"):
///   generate --provider sqlite|postgres --connection &lt;string&gt; [--quick] [--organisations N --contributions N --largest N]
///            [--vectors on|off] [--embed N] --facts &lt;file&gt;
///   floor --provider sqlite|postgres --connection &lt;string&gt; --port N
///   sql --connection &lt;PostgreSQL server&gt; --statement &lt;one statement&gt;
///   totp &lt;base32 key&gt;   (the code an authenticator app would show now, to sign in as the bench's staff member)
/// </summary>
public static class RegionProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i]] = args[++i];
            }
        }

        var quick = args.Contains("--quick");
        string Get(string name, string fallback) => options.TryGetValue(name, out var value) ? value : fallback;
        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var provider = Get("--provider", "sqlite") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        switch (args.FirstOrDefault())
        {
            case "generate":
                // Full: the region of issue 9. Quick: a tenth of it, for a run of a few minutes.
                return await Generate.RunAsync(new GenerateOptions(
                    provider,
                    Get("--connection", ""),
                    Number("--organisations", quick ? 100 : 1_000),
                    Number("--contributions", quick ? 100_000 : 1_000_000),
                    Number("--largest", quick ? 10_000 : 100_000),
                    Get("--vectors", "on") != "off",
                    Number("--embed", quick ? 150 : 2_000),
                    Get("--facts", "region.facts")));
            case "floor":
                return await Floor.RunAsync(provider, Get("--connection", ""), Number("--port", 5099));
            case "sql":
                // For bench/run.sh, which should not need psql: CREATE DATABASE on the server it was given.
                await using (var connection = new NpgsqlConnection(Get("--connection", "")))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand(Get("--statement", ""), connection);
                    await command.ExecuteNonQueryAsync();
                }

                return 0;
            case "totp" when args.Length == 2:
                Console.WriteLine(Totp.Code(args[1], TimeProvider.System.GetUtcNow()));
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: generate|floor|totp (see the summary of RegionProgram, or bench/run.sh)");
                return 2;
        }
    }
}
