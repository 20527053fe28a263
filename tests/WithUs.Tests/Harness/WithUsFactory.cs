using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using WithUs.Web.Features.Setup;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Tests.Harness;

/// <summary>
/// The real app, in process, on its own empty database, as it runs in production: environment "Production" (so
/// cookies are __Host- and Secure, HSTS is on) and clients that talk https to it. One difference: passwords are
/// hashed with <see cref="TestPasswordIterations"/> PBKDF2 iterations, not 210,000, because every sign-in verifies
/// one and the suite signs in hundreds of times (PasswordHashingTests checks the production setting).
/// </summary>
public class WithUsFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Over https: the cookie container never sends a Secure cookie over http.</summary>
    public static readonly Uri SiteAddress = new("https://localhost");

    private readonly Lock gate = new();

    static WithUsFactory() => TestHosts.WatchNoFiles();
    private ScratchDatabase? database;

    public const int TestPasswordIterations = 1_000;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>False for an app that hashes passwords exactly as production does.</summary>
    protected virtual bool FastPasswordHashing => true;

    /// <summary>Created on first use, so a class that never starts the app costs nothing.</summary>
    public ScratchDatabase Database
    {
        get
        {
            lock (gate)
            {
                return database ??= ScratchDatabase.Create(Provider);
            }
        }
    }

    /// <summary>Counts every database command the app sends.</summary>
    public QueryCounter Queries { get; } = new();

    public string SetupTokenValue => Services.GetRequiredService<SetupToken>().Value;

    /// <summary>Another app of the same provider on its own new database, for tests that need a state of their own.</summary>
    public WithUsFactory Fresh(IReadOnlyDictionary<string, string?>? overrides = null) => new(Provider, overrides);

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, so tests see each one.</summary>
    public HttpClient CreateBrowser(Uri? address = null) => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = address ?? SiteAddress,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = Provider.ToString(),
            ["Database:ConnectionString"] = Database.ConnectionString,
            // Production refuses to start without it; links in emails point here, whatever the request's Host says.
            ["Email:PublicBaseUrl"] = SiteAddress.ToString(),
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:PublicFormPerMinute"] = "100000",
            // Imports run when an upload wakes the worker; no periodic look for work that could add to a query count.
            ["Import:SweepSeconds"] = "0",
            ["Similarity:ReindexAtStart"] = "false",
            // The check of kept counts would add to page query counts too: its own tests turn it on.
            ["Maintenance:KeptCountsEveryHours"] = "0",
            // Re-sealing at start would too; and each app gets its own key, so nothing is written to a key file.
            ["Maintenance:ResealEveryHours"] = "0",
            ["Maintenance:RetentionEveryHours"] = "0",
            // Meeting reminders would look at every organisation at start: their tests run the job themselves.
            ["Projects:MeetingRemindersEveryMinutes"] = "0",
            ["SensitiveData:Keys"] = SealingKeys.NewKeyText(),
            // The sentence model costs every host seconds and ~100 MB: only the tests that need it turn it on.
            ["Similarity:Embeddings"] = "false",
            // Looking for same-idea offers after every save would add to page query counts: the tests that need it turn it on.
            ["Similarity:SameIdeaOffers"] = "false",
            // Quiet by default: several tests cause errors on purpose. WITHUS_TEST_LOG_LEVEL=Warning shows them.
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("WITHUS_TEST_LOG_LEVEL") ?? "None",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = null,
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = null,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.UseEnvironment("Production");
        foreach (var (key, value) in values)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Queries);
            services.ConfigureDbContext<WithUsDbContext>(options => options.AddInterceptors(Queries));
            if (FastPasswordHashing)
            {
                services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordIterations);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        ScratchDatabase? toDrop;
        lock (gate)
        {
            toDrop = database;
            database = null;
        }

        if (toDrop is not null)
        {
            await toDrop.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"WithUs on {Provider}");
}

/// <summary>One app on SQLite, for a class whose tests are about one database or about none.</summary>
public sealed class SqliteWithUsFactory() : WithUsFactory(DatabaseProvider.Sqlite);

/// <summary>One app on PostgreSQL, for a class that compares the two databases side by side.</summary>
public sealed class PostgresWithUsFactory() : WithUsFactory(DatabaseProvider.Postgres);
