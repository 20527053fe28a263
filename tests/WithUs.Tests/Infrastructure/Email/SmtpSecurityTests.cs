using System.Globalization;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Tests.Infrastructure.Email;

/// <summary>Signing in to the SMTP server, and never sending in plain text when TLS is asked for.</summary>
public sealed class SmtpSecurityTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static Dictionary<string, string?> Settings(int port, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
            ["Email:From"] = "WithUs <no-reply@example.org>",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Queues one email and dispatches it by hand (the node's own job may take it first); returns its row once tried.</summary>
    private static async Task<OutboxEmail> QueueAndDispatchAsync(WithUsFactory node, string to)
    {
        var id = await node.InScopeAsync(async services =>
        {
            services.GetRequiredService<EmailOutbox>().Queue(to, "Your WithUs invitation", "Open https://withus.example/invitation/abc");
            var db = services.GetRequiredService<WithUsDbContext>();
            await db.SaveChangesAsync();
            return await db.OutboxEmails.Where(e => e.To == to).Select(e => e.Id).SingleAsync();
        });
        await node.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);
        for (var waited = 0; ; waited++)
        {
            var row = await node.InScopeAsync(services =>
                services.GetRequiredService<WithUsDbContext>().OutboxEmails.AsNoTracking().SingleAsync(e => e.Id == id));
            if (row.SentAtUtc is not null || !string.IsNullOrWhiteSpace(row.LastError) || waited >= 100)
            {
                return row;
            }

            await Task.Delay(100);
        }
    }

    [DatabaseFact]
    public async Task WithAUserName_SignsInToTheServer_ThenSends()
    {
        await using var sink = new SmtpSink("withus-mailer", "correct horse");
        await using var node = app.Fresh(Settings(sink.Port, ("Email:SmtpSecurity", "None"),
            ("Email:SmtpUserName", "withus-mailer"), ("Email:SmtpPassword", "correct horse")));
        var to = TestData.Unique("invitee") + "@example.org";

        var row = await QueueAndDispatchAsync(node, to);
        var delivered = await sink.WaitForAsync(e => e.To.Contains(to), TimeSpan.FromSeconds(20));

        row.SentAtUtc.ShouldNotBeNull(row.LastError);
        delivered.SignedInAs.ShouldBe("withus-mailer");
        delivered.Raw.ShouldContain("Subject: Your WithUs invitation");
        delivered.Raw.ShouldContain("From: WithUs <no-reply@example.org>");
    }

    [DatabaseFact]
    public async Task WithAWrongPassword_NothingIsSent_AndTheRefusalIsKept()
    {
        await using var sink = new SmtpSink("withus-mailer", "correct horse");
        await using var node = app.Fresh(Settings(sink.Port, ("Email:SmtpSecurity", "None"),
            ("Email:SmtpUserName", "withus-mailer"), ("Email:SmtpPassword", "wrong")));
        var to = TestData.Unique("invitee") + "@example.org";

        var row = await QueueAndDispatchAsync(node, to);

        row.SentAtUtc.ShouldBeNull();
        row.LastError.ShouldNotBeNullOrWhiteSpace();
        sink.Received.ShouldNotContain(e => e.To.Contains(to));
    }

    [DatabaseTheory]
    [InlineData("Email:SmtpSecurity", "StartTls")]
    [InlineData("Email:SmtpUseTls", "true")]
    public async Task WhenTlsIsRequired_AndTheServerDoesNotOfferIt_NothingIsSentInPlainText(string key, string value)
    {
        await using var sink = new SmtpSink();
        await using var node = app.Fresh(Settings(sink.Port, (key, value)));
        var to = TestData.Unique("invitee") + "@example.org";

        var row = await QueueAndDispatchAsync(node, to);

        row.SentAtUtc.ShouldBeNull();
        row.LastError.ShouldNotBeNull().ShouldContain("STARTTLS");
        sink.Received.ShouldNotContain(e => e.To.Contains(to));
    }

    [DatabaseTheory]
    [InlineData(null, true, SmtpSecurity.StartTls)]
    [InlineData(null, false, SmtpSecurity.None)]
    [InlineData(SmtpSecurity.SslOnConnect, false, SmtpSecurity.SslOnConnect)]
    [InlineData(SmtpSecurity.None, true, SmtpSecurity.None)]
    public void SmtpSecurity_WhenSet_OverridesTheOlderSmtpUseTls(SmtpSecurity? security, bool useTls, SmtpSecurity expected) =>
        new EmailOptions { SmtpSecurity = security, SmtpUseTls = useTls }.EffectiveSmtpSecurity.ShouldBe(expected);
}
