using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Sends queued email. With no SMTP server configured, development writes each email to the log and marks it sent;
/// elsewhere it waits in the outbox until a server is configured. Several app nodes may run this: a row is claimed
/// by a conditional update, so it is sent once.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    /// <summary>Longer than any send takes; if a node dies mid-send, another tries again after it.</summary>
    private static readonly TimeSpan SendingLock = TimeSpan.FromMinutes(2);

    /// <summary>1, 4, 9, 16 minutes between tries: a server that is down for a while is not hammered.</summary>
    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(attempts * attempts);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(3), clock);
        do
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The email outbox could not be read; will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

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
                    await SendSmtpAsync(settings, email, cancellationToken);
                }
                else
                {
                    // Development only: the address is left out; the body holds the link the developer needs.
                    logger.LogInformation("Email (development, not sent) {Subject}\n{Body}", email.Subject, email.Body);
                }
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException)
            {
                error = ex.Message;
                logger.LogWarning("Email {EmailId} could not be sent: {Error}", email.Id, ex.Message);
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

    private static async Task SendSmtpAsync(EmailOptions settings, OutboxEmail email, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseTls };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = email.Subject,
            Body = email.Body,
            IsBodyHtml = false,
        };
        message.To.Add(email.To);
        await client.SendMailAsync(message, cancellationToken);
    }
}
