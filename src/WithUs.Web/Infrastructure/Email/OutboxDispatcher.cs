using Microsoft.Extensions.Options;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Sends queued email, as a background job (Infrastructure/Jobs) every few seconds. With no SMTP server configured,
/// development shows each email on the console and marks it sent; elsewhere the job is off and email waits in the outbox
/// until a server is configured. Each row is still claimed by a conditional update, so it is sent once even when
/// several callers dispatch at once.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    DevelopmentEmailConsole console,
    ILogger<OutboxDispatcher> logger) : IJob
{
    /// <summary>The job's name in its state row.</summary>
    public const string JobName = "email-outbox";

    private const int MaxAttempts = 5;

    /// <summary>Longer than any send takes; if a node dies mid-send, another tries again after it.</summary>
    private static readonly TimeSpan SendingLock = TimeSpan.FromMinutes(2);

    /// <summary>1, 4, 9, 16 minutes between tries: a server that is down for a while is not hammered.</summary>
    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(attempts * attempts);

    /// <summary>Every three seconds, and only where there is somewhere to send to (or Development's console).</summary>
    public static void Schedule(JobSchedule schedule, IConfiguration configuration, bool development)
    {
        var smtpHost = configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.SmtpHost)}"];
        schedule.Enabled = !string.IsNullOrWhiteSpace(smtpHost) || development;
        schedule.Every = TimeSpan.FromSeconds(3);
    }

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        await DispatchOnceAsync(cancellationToken);

    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var hasSmtp = !string.IsNullOrWhiteSpace(settings.SmtpHost);
        if (!hasSmtp && !environment.IsDevelopment())
        {
            return 0;
        }

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.SentAtUtc == null && e.Attempts < MaxAttempts && (e.LockedUntilUtc == null || e.LockedUntilUtc < now))
            .OrderBy(e => e.CreatedAtUtc)
            .Take(20)
            .ToListAsync(cancellationToken);

        var sent = 0;
        await using var smtp = new SmtpSender(settings);
        foreach (var email in pending)
        {
            // Claim it: only one node's conditional update matches, and the lock keeps the others off while it sends.
            var claimedAt = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == email.Id && e.SentAtUtc == null && e.Attempts == email.Attempts
                            && (e.LockedUntilUtc == null || e.LockedUntilUtc < claimedAt))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Attempts, email.Attempts + 1)
                                          .SetProperty(e => e.LockedUntilUtc, claimedAt + SendingLock), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            string? error = null;
            try
            {
                if (hasSmtp)
                {
                    await smtp.SendAsync(email, cancellationToken);
                }
                else
                {
                    console.Show(email);
                    logger.LogInformation("Email {EmailId} shown on the console (development, not sent)", email.Id);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Refused, unreachable, no TLS where TLS is required, sign-in refused, an address that cannot be read:
                // all are kept with the email and tried again later.
                error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                logger.LogWarning("Email {EmailId} could not be sent: {Error}", email.Id, error);
            }

            var finished = clock.GetUtcNow().UtcDateTime;
            DateTime? sentAt = error is null ? finished : null;
            DateTime? retryAfter = error is null ? null : finished + RetryDelay(email.Attempts + 1);
            await db.OutboxEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.SentAtUtc, sentAt)
                      .SetProperty(e => e.LockedUntilUtc, retryAfter)
                      .SetProperty(e => e.LastError, error),
                cancellationToken);
            if (error is null)
            {
                sent++;
            }
        }

        return sent;
    }
}
