using Microsoft.Extensions.Options;

namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Queues an email in the same unit of work as the change that causes it: saved together or not at all.
/// A background dispatcher sends it.
/// </summary>
public sealed class EmailOutbox(
    WithUsDbContext db, TimeProvider clock, IOptions<EmailOptions> options, IHostEnvironment environment, IHttpContextAccessor http)
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
    /// out (the run command serves one machine), does it fall back to the address of this request.
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

        var request = http.HttpContext?.Request
                      ?? throw new InvalidOperationException("Email:PublicBaseUrl must be set to make links outside a request.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
