using System.Net.Sockets;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Infrastructure.Email;

/// <summary>With an SMTP server configured, queued email is delivered to it once; when it cannot be reached, nothing is lost.</summary>
public sealed class SmtpDeliveryTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:SmtpUseTls"] = "false",
        ["Email:From"] = "WithUs <no-reply@example.org>",
    };

    private static Task<Guid> QueueAsync(WithUsFactory node, string to) =>
        node.InScopeAsync(async services =>
        {
            services.GetRequiredService<EmailOutbox>().Queue(to, "Join Hillside on WithUs", "Open https://withus.example/invitation/abc");
            var db = services.GetRequiredService<WithUsDbContext>();
            await db.SaveChangesAsync();
            return await db.OutboxEmails.Where(e => e.To == to).Select(e => e.Id).SingleAsync();
        });

    private static Task<OutboxEmail> RowAsync(WithUsFactory node, Guid id) =>
        node.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));

    [DatabaseFact]
    public async Task QueuedEmail_IsDeliveredToTheSmtpServerOnce_AndMarkedSent()
    {
        await using var sink = new SmtpSink();
        await using var node = app.Fresh(SmtpSettings(sink.Port));
        var to = TestData.Unique("invitee") + "@example.org";

        var id = await QueueAsync(node, to);
        var dispatcher = node.Services.GetRequiredService<OutboxDispatcher>();
        // Three at once, as several nodes would, while the background dispatcher also runs.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => dispatcher.DispatchOnceAsync(CancellationToken.None)));
        var delivered = await sink.WaitForAsync(e => e.To.Contains(to), TimeSpan.FromSeconds(20));

        delivered.Raw.ShouldContain("Subject: Join Hillside on WithUs");
        delivered.Raw.ShouldContain("https://withus.example/invitation/abc");
        (await RowAsync(node, id)).SentAtUtc.ShouldNotBeNull();
        // The background dispatcher runs these same passes every few seconds: run two more now instead of waiting for it.
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).ShouldBe(0);
        (await dispatcher.DispatchOnceAsync(CancellationToken.None)).ShouldBe(0);
        sink.Received.Count(e => e.To.Contains(to)).ShouldBe(1, "a later pass must not send it again");
    }

    [DatabaseFact]
    public async Task WhenTheSmtpServerCannotBeReached_TheEmailStaysQueuedWithTheError()
    {
        var closedPort = ClosedLoopbackPort();
        await using var node = app.Fresh(SmtpSettings(closedPort));
        var to = TestData.Unique("invitee") + "@example.org";

        var id = await QueueAsync(node, to);
        await node.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

        // The node's own background dispatcher may have claimed the email first; then the call above found it locked,
        // and the failure is written when that attempt ends. Wait for it rather than race it.
        var row = await Eventually.FoundAsync(async () => await RowAsync(node, id) is { LastError: { Length: > 0 } } failed ? failed : null,
            "the failed attempt to be written");

        row.SentAtUtc.ShouldBeNull();
        row.Attempts.ShouldBeGreaterThan(0);
        row.LastError.ShouldNotBeNullOrWhiteSpace();
    }

    private static int ClosedLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
