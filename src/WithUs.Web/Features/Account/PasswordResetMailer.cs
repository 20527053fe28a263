using System.Threading.Channels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using WithUs.Web.Infrastructure.Email;

namespace WithUs.Web.Features.Account;

/// <summary>
/// A request for a password reset link is answered at once, the same way whether or not the email has an account;
/// the look-up and the email happen here, after the answer, so the timing gives nothing away either.
/// </summary>
public sealed class PasswordResetMailer(IServiceScopeFactory scopes, ILogger<PasswordResetMailer> logger) : BackgroundService
{
    private readonly Channel<(string Email, string BaseUrl)> requests =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Enqueue(string email, string baseUrl) => requests.Writer.TryWrite((email, baseUrl));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (email, baseUrl) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(email, baseUrl, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "A password reset email could not be prepared");
            }
        }
    }

    /// <summary>Exposed so tests can wait for the work instead of sleeping.</summary>
    internal async Task SendAsync(string email, string baseUrl, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null || user.DisabledAtUtc is not null)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = QueryHelpers.AddQueryString(baseUrl.TrimEnd('/') + "/account/reset-password",
            new Dictionary<string, string?> { ["user"] = user.Id.ToString(), ["code"] = token });
        scope.ServiceProvider.GetRequiredService<EmailOutbox>().Queue(
            user.Email!,
            "Reset your WithUs password",
            $"""
            Hello {user.DisplayName},

            Someone asked to reset the password for your WithUs account. If it was you, open this link within 3 hours:

            {link}

            If it was not you, you can ignore this email: your password has not changed.
            """);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordForPersonAsync("PasswordResetRequested", user.Id,
            cancellationToken: cancellationToken);
    }
}
