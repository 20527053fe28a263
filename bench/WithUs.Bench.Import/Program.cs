using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WithUs.Bench.Import;
using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Infrastructure;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Data;
using WithUs.Web.Infrastructure.Tenancy;

// dotnet run -c Release --project bench/WithUs.Bench.Import -- [sqlite|postgres] [rows] [connection string]
// Generates a CSV of <rows> rows (default 100,000), then checks and imports it into a new organisation through
// VoiceImporter, the service the background worker calls. Prints rows per second and the peak working set.
var provider = args.Length > 0 ? args[0] : "sqlite";
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var connection = args.Length > 2 ? args[2] : null;
var folder = Directory.CreateTempSubdirectory("withus-bench-import-").FullName;
connection ??= provider == "sqlite" ? $"Data Source={Path.Combine(folder, "bench.db")};Pooling=true;Default Timeout=30" : null;
if (connection is null)
{
    Console.Error.WriteLine("PostgreSQL needs a connection string to an empty database, such as \"Host=127.0.0.1;Port=55999;Username=postgres;Database=withus_bench\"");
    return 2;
}

var csv = CsvGenerator.Generate(rows, seed: 42);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated {rows:N0} rows, {csv.Length / 1024.0 / 1024.0:F1} MB"));

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
builder.Configuration["Database:Provider"] = provider == "sqlite" ? "Sqlite" : "Postgres";
builder.Configuration["Database:ConnectionString"] = connection;
builder.Configuration["Email:PublicBaseUrl"] = "https://bench.invalid";
builder.Configuration["Logging:LogLevel:Default"] = "Warning";
builder.AddWithUs();
await using var app = builder.Build();

Organisation organisation;
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
    await db.Database.MigrateAsync();
    // BENCH_SQL: statements (";;" between them) run once the schema is made, to measure what an index or trigger
    // costs by dropping it (docs/performance.md, "CSV import").
    foreach (var sql in (Environment.GetEnvironmentVariable("BENCH_SQL") ?? "").Split(";;", StringSplitOptions.RemoveEmptyEntries))
    {
        await db.Database.ExecuteSqlRawAsync(sql);
    }
    organisation = new Organisation { Id = Ids.New(), Name = "Bench " + Ids.New().ToString("N")[^8..], Slug = "bench-" + Ids.New().ToString("N")[^8..], CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime };
    db.Organisations.Add(organisation);
    await db.SaveChangesAsync();
}

var uploader = Ids.New();
var batchId = Ids.New();
await using (var scope = app.Services.CreateAsyncScope())
{
    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, null);
    var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
    db.ImportBatches.Add(new ImportBatch
    {
        Id = batchId,
        FileName = "bench.csv",
        Content = csv,
        Status = ImportStatus.Checking,
        CreatedByUserId = uploader,
        CreatedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
    });
    await db.SaveChangesAsync();
}

async Task<TimeSpan> TimeAsync(Func<VoiceImporter, Task> step)
{
    await using var scope = app.Services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, null);
    scope.ServiceProvider.GetRequiredService<ICurrentActor>().ActAs(uploader);
    var importer = scope.ServiceProvider.GetRequiredService<VoiceImporter>();
    var clock = Stopwatch.StartNew();
    await step(importer);
    return clock.Elapsed;
}

var check = await TimeAsync(importer => importer.CheckAsync(batchId, CancellationToken.None));
await using (var scope = app.Services.CreateAsyncScope())
{
    scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organisation, null);
    var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
    var checkedBatch = await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
    if (checkedBatch.ErrorCount > 0)
    {
        Console.Error.WriteLine("The generated file has errors: " + checkedBatch.ErrorsJson);
        return 1;
    }

    await db.ImportBatches.Where(b => b.Id == batchId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, ImportStatus.Importing));
}

var hooks = app.Services.GetRequiredService<ImportHooks>();
var chunkClock = Stopwatch.StartNew();
if (Environment.GetEnvironmentVariable("BENCH_CHUNKS") == "1")
{
    hooks.AfterChunkAsync = done =>
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} rows at {chunkClock.Elapsed.TotalSeconds:F1} s"));
        return Task.CompletedTask;
    };
}

var imported = 0;
var import = await TimeAsync(async importer => imported = await importer.ImportAsync(batchId, CancellationToken.None));
if (imported != rows)
{
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {imported} of {rows} rows"));
    return 1;
}

var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{provider}: check {rows:N0} rows in {check.TotalSeconds:F1} s ({rows / check.TotalSeconds:N0} rows/s); import in {import.TotalSeconds:F1} s ({rows / import.TotalSeconds:N0} rows/s); peak working set {peak:N0} MB"));
if (provider == "sqlite")
{
    Directory.Delete(folder, recursive: true);
}

return 0;
