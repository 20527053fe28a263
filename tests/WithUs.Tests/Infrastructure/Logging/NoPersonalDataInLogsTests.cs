using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace WithUs.Tests.Infrastructure.Logging;

/// <summary>Logs go to places personal data must not: with every category at Trace, no email address or name appears.</summary>
public sealed class NoPersonalDataInLogsTests(LogCapturingAppPerDatabase apps) : IClassFixture<LogCapturingAppPerDatabase>
{
    private readonly LogCapturingWithUsFactory app = apps.Current;

    [DatabaseFact]
    public async Task SignInInviteJoinAndPasswordReset_LogNoEmailAddressOrName()
    {
        var (organisation, admin) = await app.CreateMemberAsync(OrganisationRole.Administrator, twoFactor: true);
        using var adminClient = app.CreateBrowser();
        (await adminClient.PostSignInAsync(admin.Email, "not the right password")).Dispose();
        (await app.CreateBrowser().PostSignInAsync("nobody-logged@example.org", "any password at all")).Dispose();
        await adminClient.SignInAsync(admin);

        const string invitee = "invitee-logged@example.org";
        var invitePath = $"/o/{organisation.Slug}/members/invite";
        var invitePage = await adminClient.GetPageAsync(invitePath);
        (await adminClient.SubmitAsync(invitePage, invitePath, new Dictionary<string, string>
        {
            ["Input.Email"] = invitee,
            ["Input.Role"] = nameof(OrganisationRole.Partner),
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = (await app.EmailsToAsync(invitee)).Single().Body.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/invitation/", StringComparison.Ordinal));
        var joinPath = new Uri(link).PathAndQuery;
        using var inviteeClient = app.CreateBrowser();
        var joinPage = await inviteeClient.GetPageAsync(joinPath);
        (await inviteeClient.SubmitAsync(joinPage, joinPath, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zebedee Logwatcher",
            ["Input.Password"] = "saffron window glacier piano",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var forgotClient = app.CreateBrowser();
        var forgotPage = await forgotClient.GetPageAsync("/account/forgot-password");
        (await forgotClient.SubmitAsync(forgotPage, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = invitee }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await app.EmailsToAsync(invitee)).Count == 2, "the password reset email");

        app.Captured.ShouldNotBeEmpty("the capture must see the app's logs for this test to mean anything");
        foreach (var secret in new[] { admin.Email, "nobody-logged", invitee, "Zebedee", "Logwatcher" })
        {
            app.Captured.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"logs mention {secret}");
        }
    }

    [DatabaseFact]
    public async Task EqualityAnswers_KeptCountedAndReseal_LogNoAnswer()
    {
        using var staff = await app.SignedInAsync();
        for (var i = 0; i < 5; i++)
        {
            var person = await app.CreatePersonAsync(staff.Organisation);
            await app.KeepEqualityAnswersAsync(staff.Organisation, person.Id, new Dictionary<string, string> { ["ethnicity"] = "white-gypsy-traveller" });
        }

        var someone = await app.CreatePersonAsync(staff.Organisation);
        await app.KeepEqualityAnswersAsync(staff.Organisation, someone.Id, new Dictionary<string, string> { ["sex"] = "female" });
        var url = $"{staff.Org}/people/{someone.Id}/equality";
        var page = await staff.Client.GetPageAsync(url);
        (await staff.Client.PostFormAsync(url, [
            KeyValuePair.Create("Input.Answers[religion]", "jewish"),
            KeyValuePair.Create(Html.AntiforgeryField, page.AntiforgeryToken()),
        ])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.Client.GetPageAsync($"{staff.Org}/people/equality")).QuerySelector("main")!.TextContent.ShouldContain("Gypsy or Irish Traveller");

        app.Captured.ShouldNotBeEmpty("the capture must see the app's logs for this test to mean anything");
        foreach (var secret in new[] { "white-gypsy-traveller", "jewish", "female" })
        {
            app.Captured.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty($"logs mention {secret}");
        }
    }
}

/// <summary>The app with every log category at Trace, each message (and exception) kept for the test to read.</summary>
public class LogCapturingWithUsFactory(DatabaseProvider provider)
    : WithUsFactory(provider, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" })
{
    public ConcurrentQueue<string> Captured { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(new CapturingProvider(Captured)));
    }

    private sealed class CapturingProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(sink);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception) + " " + exception);
    }
}

public sealed class LogCapturingAppPerDatabase()
    : AppPerDatabase<LogCapturingWithUsFactory>(provider => new LogCapturingWithUsFactory(provider));
