using WithUs.Web.Features.Setup;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>
/// One WithUs server (with its own fresh database) and one Chromium for a test class; each test opens its own
/// browser context, so tests share nothing in the browser but cookies they set up themselves.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "xunit disposes a class fixture through IAsyncLifetime.DisposeAsync.")]
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumVariable = "WITHUS_CHROMIUM";
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private WithUsServer? server;

    /// <summary>Guards <see cref="Administrator"/>: WithUs can be set up only once.</summary>
    internal SemaphoreSlim SetUpOnce { get; } = new(1, 1);

    /// <summary>Who set up this WithUs, once a test has (see Steps.AdministratorOfAsync).</summary>
    internal Journeys.Account? Administrator { get; set; }

    public WithUsServer Server => server ?? throw new InvalidOperationException("The server has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium has not started.");

    /// <summary>The token the app prints to its console until set-up is done.</summary>
    internal string SetupToken => Server.Services.GetRequiredService<SetupToken>().Value;

    /// <summary>Configuration for this class's WithUs on top of the test defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured
            ? configured
            : DefaultChromium;
        if (!File.Exists(chromium))
        {
            // Fail, never skip: a browser suite that quietly runs nothing is worse than a red one.
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install Debian's Chromium (apt-get install -y chromium) " +
                $"or set {ChromiumVariable} to a Chromium executable. `playwright install` cannot download browsers here.");
        }

        server = new WithUsServer(Settings);
        server.Start();

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        SetUpOnce.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A fresh browser context (no cookies) on a fresh page, for one person's journey.</summary>
    public async Task<Journey> StartJourneyAsync(ITestOutputHelper output, bool javaScript = true, string name = "journey")
    {
        var viewport = new ViewportSize { Width = 1280, Height = 900 };
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = viewport,
        });
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(45_000);
        var page = await context.NewPageAsync();
        var scriptlessCopy = javaScript ? null : await ScriptlessCopy.CreateAsync(Browser, viewport);
        return new Journey(context, page, scriptlessCopy, output, javaScript, name);
    }

    /// <summary>Emails the app has queued for an address, oldest first. Development marks them sent but keeps them.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> EmailsToAsync(string address)
    {
        using var scope = Server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var emails = await db.OutboxEmails.AsNoTracking().Where(e => e.To == address).ToListAsync();
        return [.. emails.OrderBy(e => e.CreatedAtUtc)];
    }
}

/// <summary>A WithUs filled with the invented demo organisations and people.</summary>
public sealed class DemoBrowserApp : BrowserApp
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Database:Demo"] = "true" };
}
