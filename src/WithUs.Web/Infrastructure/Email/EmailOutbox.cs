using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Queues an email in the same unit of work as the change that causes it: saved together or not at all.
/// A background dispatcher sends it.
/// </summary>
public sealed class EmailOutbox(
    WithUsDbContext db, TimeProvider clock, IOptions<EmailOptions> options, IHostEnvironment environment, IHttpContextAccessor http,
    IServer server)
{
    public void Queue(string to, string subject, string body)
    {
        db.OutboxEmails.Add(new OutboxEmail
        {
            Id = Ids.New(),
            To = to,
            Subject = subject,
            Body = body,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>An absolute link for an email, made from <see cref="BaseUrl"/>.</summary>
    public string Link(string pathAndQuery) => BaseUrl().TrimEnd('/') + pathAndQuery;

    /// <summary>
    /// Where links in email point: the configured public address. Only in Development, where the address may be left
    /// out (the run command serves one machine), does it fall back to the address of this request, or, for background
    /// work such as meeting reminders, the first address this machine listens at.
    /// </summary>
    public string BaseUrl()
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Email:PublicBaseUrl must be set outside Development.");
        }

        if (http.HttpContext?.Request is { } request)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return ListeningAt() ?? throw new InvalidOperationException("Email:PublicBaseUrl must be set to make links outside a request.");
    }

    /// <summary>The first address the server listens at, with a wildcard host ("http://[::]:5000", "http://+:5000") as localhost.</summary>
    private string? ListeningAt()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var wildcard = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
