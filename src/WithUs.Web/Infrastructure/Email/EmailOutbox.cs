using Microsoft.Extensions.Options;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Queues an email in the same unit of work as the change that causes it: saved together or not at all.
/// A background dispatcher sends it.
/// </summary>
public sealed class EmailOutbox(WithUsDbContext db, TimeProvider clock, IOptions<EmailOptions> options, IHttpContextAccessor http)
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

    /// <summary>An absolute link for an email: the configured public address, or the address of this request.</summary>
    public string Link(string pathAndQuery)
    {
        var configured = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }

        var request = http.HttpContext?.Request
                      ?? throw new InvalidOperationException("Email:PublicBaseUrl must be set to make links outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
