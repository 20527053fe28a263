using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Sends outbox emails over one SMTP connection (MailKit), opened on the first email and reopened after a failure,
/// so a batch costs one connection and sign-in rather than one per email.
/// </summary>
internal sealed class SmtpSender(EmailOptions settings) : IAsyncDisposable
{
    /// <summary>Well inside the outbox's two-minute sending lock, so a stuck server cannot outlast it and cause a second send.</summary>
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(60);

    private SmtpClient? client;

    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Body = new TextPart("plain") { Text = email.Body };
        try
        {
            client ??= await ConnectAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // The connection may be half-way through a command: start afresh for the next email.
            await CloseAsync(quit: false);
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = new SmtpClient { Timeout = (int)OperationTimeout.TotalMilliseconds };
        try
        {
            var security = settings.EffectiveSmtpSecurity switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await smtp.ConnectAsync(settings.SmtpHost ?? "", settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await smtp.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }

            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }

    private async Task CloseAsync(bool quit)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException
                                       or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException)
        {
            // Closing a connection that already failed: nothing more to learn from it.
        }
        finally
        {
            client.Dispose();
            client = null;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync(quit: true);
}
