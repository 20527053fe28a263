using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>
/// The real WithUs app, in process, on Kestrel at a free loopback port, in Development (plain http, cookies without
/// the __Host- prefix), with its own throwaway SQLite database and rate limits high enough for a test run.
/// </summary>
public sealed class WithUsServer : WebApplicationFactory<Program>
{
    private readonly string databasePath =
        Path.Combine(Path.GetTempPath(), $"withus-browser-{Guid.NewGuid():N}.db");

    private readonly IReadOnlyDictionary<string, string> settings;

    static WithUsServer() => TestHosts.WatchNoFiles();

    /// <param name="settings">Configuration on top of the test defaults, such as Database:Demo=true.</param>
    public WithUsServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the server listens, such as http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => databasePath;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not say where it listens.");
        BaseAddress = new Uri(addresses.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: the app reads these while its builder runs, before Build.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databasePath}");
        builder.UseSetting("SensitiveData:Keys", WithUs.Web.Infrastructure.Security.SealingKeys.NewKeyText());
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("RateLimits:PublicFormPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Journeys read their emails from the outbox table; Development would also print each one in the test log.
        builder.ConfigureTestServices(services => services.AddSingleton(new DevelopmentEmailConsole(TextWriter.Null)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                try
                {
                    File.Delete(databasePath + suffix);
                }
                catch (IOException)
                {
                    // A leftover file in the temp folder is harmless.
                }
            }
        }
    }
}
