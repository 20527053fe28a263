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
/// Options: --sizes 1000,10000,100000 --queries 200 --keep --embeddings off (--server defaults to WITHUS_TEST_POSTGRES;
/// a scratch database is created on it and dropped afterwards). With embeddings on (the default, as shipped) every
/// contribution is given its sentence vector while loading, as the embedding job would, each distinct text once.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            await Console.Error.WriteLineAsync("Usage: similarity --provider sqlite|postgres [--server <npgsql connection>] [--sizes 1000,10000,100000] [--queries 200] [--embeddings on|off] [--keep]");
            return 2;
        }

        await using var database = ScratchDatabase.Create(options.Provider, options.Server, options.Keep);
        await using var app = BuildApp(options.Provider, database.ConnectionString, options.Embeddings);
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
        Console.WriteLine("Sentence embeddings: " + (options.Embeddings ? "on" : "off"));
        Console.WriteLine("| Contributions | Load (s) | Load rows/s | p50 (ms) | p95 (ms) | max (ms) | CPU ms/query | mean suggestions | working set (MB) | managed heap (MB) | load average |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var loaded = 0;
        var embeddings = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var size in options.Sizes)
        {
            var load = Stopwatch.StartNew();
            await LoadAsync(app, organisation, generator, size - loaded, embeddings);
            load.Stop();
            var added = size - loaded;
            loaded = size;

            var (timings, suggestions, cpu) = await MeasureAsync(app, organisation, queries);
            var parts = await MeasurePartsAsync(app, organisation, queries);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {load.Elapsed.TotalSeconds:0.0} | {added / load.Elapsed.TotalSeconds:N0} | {Percentile(timings, 0.50):0.0} | {Percentile(timings, 0.95):0.0} | {timings.Max():0.0} | {cpu:0.0} | {suggestions:0.00} | {Environment.WorkingSet / 1e6:N0} | {GC.GetTotalMemory(forceFullCollection: true) / 1e6:N0} | {LoadAverage()} |"));
            Console.WriteLine("  parts: " + parts);
        }

        return 0;
    }

    private static WebApplication BuildApp(DatabaseProvider provider, string connectionString, bool embeddings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Email:PublicBaseUrl"] = "https://bench.invalid";
        builder.Configuration["Logging:LogLevel:Default"] = "None";
        builder.Configuration["Similarity:Embeddings"] = embeddings ? "true" : "false";
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

    private static async Task LoadAsync(WebApplication app, Organisation organisation, ContributionGenerator generator, int count,
        Dictionary<string, byte[]> embeddings)
    {
        const int batch = 1000;
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var model = scope.ServiceProvider.GetRequiredService<SentenceModel>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var done = 0; done < count; done += batch)
        {
            var rows = Math.Min(batch, count - done);
            var added = new List<Contribution>(rows);
            for (var i = 0; i < rows; i++)
            {
                var when = start.AddMinutes((done + i) * 7);
                var contribution = new Contribution
                {
                    Id = Ids.New(),
                    Text = generator.Next(),
                    Kind = ContributionKind.Idea,
                    Channel = Channel.DropIn,
                    SaidOnUtc = when.Date,
                    CreatedAtUtc = when,
                };
                added.Add(contribution);
                db.Contributions.Add(contribution);
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            if (model.Enabled)
            {
                await EmbedAsync(db, model, organisation, added, embeddings);
            }
        }
    }

    /// <summary>
    /// Embedding every text of 100,000 takes this machine most of an hour, so only the first this many distinct texts
    /// are embedded and later ones borrow one of their vectors. A suggestion's cost does not depend on which vectors
    /// are stored (every one is compared; the best 64 are re-scored), only on how many.
    /// </summary>
    private const int EmbeddedTexts = 10_000;

    private static byte[] Borrowed(List<byte[]> embedded, string text)
    {
        var hash = 17u;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return embedded[(int)(hash % (uint)embedded.Count)];
    }

    /// <summary>What the embedding job does, without its one-batch-at-a-time pace: each distinct text is embedded once.</summary>
    private static async Task EmbedAsync(WithUsDbContext db, SentenceModel model, Organisation organisation, List<Contribution> added,
        Dictionary<string, byte[]> embeddings)
    {
        var embedded = embeddings.Values.ToList();
        var fresh = added.Select(c => c.Text).Where(t => !embeddings.ContainsKey(t)).Distinct(StringComparer.Ordinal)
            .Take(Math.Max(0, EmbeddedTexts - embeddings.Count));
        foreach (var chunk in fresh.Chunk(64))
        {
            var vectors = model.Embed(chunk) ?? throw new InvalidOperationException("The sentence model could not load: " + model.Problem);
            for (var i = 0; i < chunk.Length; i++)
            {
                embeddings[chunk[i]] = SentenceModel.ToBytes(vectors[i]);
                embedded.Add(embeddings[chunk[i]]);
            }
        }

        foreach (var contribution in added)
        {
            db.ContributionVectors.Add(new ContributionVector
            {
                Id = Ids.New(),
                ContributionId = contribution.Id,
                OrganisationId = organisation.Id,
                Model = SentenceModel.Name,
                Vector = embeddings.TryGetValue(contribution.Text, out var vector) ? vector : Borrowed(embedded, contribution.Text),
            });
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
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

    /// <summary>Each scorer on its own, to see where a suggestion's time goes (printed after the size's row).</summary>
    private static async Task<string> MeasurePartsAsync(WebApplication app, Organisation organisation, List<string> queries)
    {
        var timings = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var query in queries)
        {
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
            foreach (var scorer in scope.ServiceProvider.GetServices<ISimilarityScorer>())
            {
                var watch = Stopwatch.StartNew();
                await scorer.ScoreAsync(query, null, CancellationToken.None);
                var name = scorer.GetType().Name;
                (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add(watch.Elapsed.TotalMilliseconds);
            }

            var model = scope.ServiceProvider.GetRequiredService<SentenceModel>();
            if (model.Enabled)
            {
                var embed = Stopwatch.StartNew();
                model.Embed([query]);
                (timings.TryGetValue("embedding the text", out var list) ? list : timings["embedding the text"] = []).Add(embed.Elapsed.TotalMilliseconds);
            }
        }

        var parts = string.Join("; ", timings.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Key} p50 {Percentile(t.Value, 0.5):0.0} ms, p95 {Percentile(t.Value, 0.95):0.0} ms")));
        return parts + await FirstLoadAsync(app, organisation);
    }

    /// <summary>
    /// What the first suggestion after a start (or after the organisation was forgotten) waits for: reading all of the
    /// organisation's vectors into memory. Timed on a memory of its own, as a freshly started node would have.
    /// </summary>
    private static async Task<string> FirstLoadAsync(WebApplication app, Organisation organisation)
    {
        if (!app.Services.GetRequiredService<SentenceModel>().Enabled)
        {
            return "";
        }

        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, OrganisationRole.Staff);
        var watch = Stopwatch.StartNew();
        var set = await new OrganisationVectors(TimeProvider.System).ForAsync(scope.ServiceProvider.GetRequiredService<WithUsDbContext>(), CancellationToken.None);
        return string.Create(CultureInfo.InvariantCulture, $"; first suggestion's load of {set.Count:N0} vectors {watch.Elapsed.TotalMilliseconds:N0} ms");
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

    private sealed record Options(DatabaseProvider Provider, string? Server, IReadOnlyList<int> Sizes, int Queries, bool Keep, bool Embeddings)
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
            var embeddings = true;
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
                    case "--embeddings":
                        embeddings = !string.Equals(args[i + 1], "off", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "--queries":
                        queries = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                        break;
                    default:
                        return null;
                }
            }

            return new Options(provider, server, sizes, queries, keep, embeddings);
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
