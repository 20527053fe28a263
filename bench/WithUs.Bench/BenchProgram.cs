using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WithUs.Web.Features.Organisations;
using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

namespace WithUs.Bench;

/// <summary>
/// Similar-suggestion latency: fills one organisation with 1k, 10k and 100k made-up contributions (through the app's
/// own DbContext, so the similarity indexer runs as in production) and times SimilarContributions.FindAsync.
/// Run by hand, never in CI (docs/performance.md has the command and the figures):
///   dotnet run -c Release --project bench/WithUs.Bench -- similarity --provider sqlite
///   dotnet run -c Release --project bench/WithUs.Bench -- similarity --provider postgres --server "Host=...;Username=...;Password=..."
/// Options: --sizes 1000,10000,100000 --queries 200 --keep (--server defaults to WITHUS_TEST_POSTGRES; a scratch database is
/// created on it and dropped afterwards).
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: similarity --provider sqlite|postgres [--server <npgsql connection>] [--sizes 1000,10000,100000] [--queries 200]");
            return 2;
        }

        await using var database = ScratchDatabase.Create(options.Provider, options.Server, options.Keep);
        await using var app = BuildApp(options.Provider, database.ConnectionString);
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WithUsDbContext>().Database.MigrateAsync();
        }

        var organisation = await CreateOrganisationAsync(app);
        var generator = new ContributionGenerator(seed: 20261122);
        var queryGenerator = new ContributionGenerator(seed: 7);
        var queries = Enumerable.Range(0, options.Queries).Select(_ => queryGenerator.NextQuery()).ToList();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Similarity on {options.Provider}, {Environment.ProcessorCount} cores, {options.Queries} queries per size, .NET {Environment.Version}"));
        Console.WriteLine("Load average before: " + LoadAverage());
        Console.WriteLine("| Contributions | Load (s) | Load rows/s | p50 (ms) | p95 (ms) | max (ms) | CPU ms/query | mean suggestions | load average |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var loaded = 0;
        foreach (var size in options.Sizes)
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(app, organisation, generator, size - loaded);
            load.Stop();
            var added = size - loaded;
            loaded = size;

            var (timings, suggestions, cpu) = await MeasureAsync(app, organisation, queries);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {load.Elapsed.TotalSeconds:0.0} | {added / load.Elapsed.TotalSeconds:N0} | {Percentile(timings, 0.50):0.0} | {Percentile(timings, 0.95):0.0} | {timings.Max():0.0} | {cpu:0.0} | {suggestions:0.00} | {LoadAverage()} |"));
        }

        return 0;
    }

    private static WebApplication BuildApp(DatabaseProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Email:PublicBaseUrl"] = "https://bench.invalid";
        builder.Configuration["Logging:LogLevel:Default"] = "None";
        builder.AddWithUs();
        return builder.Build();
    }

    private static async Task<Organisation> CreateOrganisationAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var organisation = new Organisation
        {
            Id = Ids.New(),
            Name = "Bench community centre",
            Slug = Slugs.From("bench-" + Ids.New().ToString("N")[^8..]),
            CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    private static async Task LoadAsync(WebApplication app, Organisation organisation, ContributionGenerator generator, int count)
    {
        const int batch = 1000;
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count; done += batch)
        {
            var rows = Math.Min(batch, count - done);
            for (var i = 0; i < rows; i++)
            {
                var when = start.AddMinutes((done + i) * 7);
                db.Contributions.Add(new Contribution
                {
                    Id = Ids.New(),
                    Text = generator.Next(),
                    Kind = ContributionKind.Idea,
                    Channel = Channel.DropIn,
                    SaidOnUtc = when.Date,
                    CreatedAtUtc = when,
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages (Linux), since these machines are shared.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<(List<double> Timings, double Suggestions, double CpuPerQuery)> MeasureAsync(WebApplication app, Organisation organisation,
        List<string> queries)
    {
        // Warm-up: the first queries pay for JIT, the connection pool and the database's caches.
        foreach (var query in queries.Take(20))
        {
            await FindAsync(app, organisation, query);
        }

        var timings = new List<double>(queries.Count);
        var suggestions = 0;
        // CPU time of this process (the app, EF and, for SQLite, the database engine) is steadier than wall time when
        // others share the machine; for PostgreSQL it leaves out the server's share.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var query in queries)
        {
            var watch = Stopwatch.StartNew();
            suggestions += await FindAsync(app, organisation, query);
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / queries.Count;
        return (timings, suggestions / (double)queries.Count, cpu);
    }

    /// <summary>One query as a request makes it: a new scope (a new DbContext), the tenant set, three suggestions.</summary>
    private static async Task<int> FindAsync(WebApplication app, Organisation organisation, string query)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
        var found = await scope.ServiceProvider.GetRequiredService<SimilarContributions>().FindAsync(query, 3);
        return found.Count;
    }

    private static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(share * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private sealed record Options(DatabaseProvider Provider, string? Server, IReadOnlyList<int> Sizes, int Queries, bool Keep)
    {
        public static Options? Parse(string[] args)
        {
            if (args.Length == 0 || args[0] != "similarity")
            {
                return null;
            }

            var provider = DatabaseProvider.Sqlite;
            string? server = Environment.GetEnvironmentVariable("WITHUS_TEST_POSTGRES");
            IReadOnlyList<int> sizes = [1_000, 10_000, 100_000];
            var queries = 200;
            var keep = args.Contains("--keep");
            args = args.Where(a => a != "--keep").ToArray();
            for (var i = 1; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--provider":
                        provider = string.Equals(args[i + 1], "postgres", StringComparison.OrdinalIgnoreCase)
                            ? DatabaseProvider.Postgres
                            : DatabaseProvider.Sqlite;
                        break;
                    case "--server":
                        server = args[i + 1];
                        break;
                    case "--sizes":
                        sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).Order().ToList();
                        break;
                    case "--queries":
                        queries = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                        break;
                    default:
                        return null;
                }
            }

            return new Options(provider, server, sizes, queries, keep);
        }
    }

    /// <summary>A database for one run: a temporary SQLite file, or a new database on the PostgreSQL server.</summary>
    private sealed class ScratchDatabase : IAsyncDisposable
    {
        private readonly string? folder;
        private readonly string? server;
        private readonly string? name;

        private ScratchDatabase(string connectionString, string? folder, string? server, string? name, bool keep = false)
        {
            if (keep)
            {
                // --keep: leave the database for a look at its query plans, and say where it is.
                Console.WriteLine("Keeping the database: " + connectionString);
                folder = null;
                server = null;
            }

            ConnectionString = connectionString;
            this.folder = folder;
            this.server = server;
            this.name = name;
        }

        public string ConnectionString { get; }

        public static ScratchDatabase Create(DatabaseProvider provider, string? server, bool keep)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var folder = Path.Combine(Path.GetTempPath(), "withus-bench", Ids.New().ToString("N"));
                Directory.CreateDirectory(folder);
                var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true };
                return new ScratchDatabase(sqlite.ToString(), folder, null, null, keep);
            }

            if (string.IsNullOrWhiteSpace(server))
            {
                throw new InvalidOperationException("--provider postgres needs --server or WITHUS_TEST_POSTGRES.");
            }

            var name = "withus_bench_" + Ids.New().ToString("N");
            using (var connection = new NpgsqlConnection(server))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{name}\"";
                command.ExecuteNonQuery();
            }

            return new ScratchDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name, keep);
        }

        public async ValueTask DisposeAsync()
        {
            if (folder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }

            if (server is not null && name is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(server);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
        }
    }
}
