namespace WithUs.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server. When empty, email stays in the outbox (and, in development, is written to the log).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary>The original switch, kept working: true is <see cref="Email.SmtpSecurity.StartTls"/>, false is None. <see cref="SmtpSecurity"/> overrides it.</summary>
    public bool SmtpUseTls { get; set; } = true;

    /// <summary>How the connection is protected; when not set, <see cref="SmtpUseTls"/> decides.</summary>
    public SmtpSecurity? SmtpSecurity { get; set; }

    /// <summary>With a user name, WithUs signs in to the server (whichever of the server's methods MailKit supports).</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "WithUs <no-reply@withus.invalid>";

    /// <summary>
    /// The address people reach WithUs at, used in links in emails, for example https://withus.example.org. Required
    /// outside Development: a link built from the request's Host header would let anyone who can send a request
    /// choose where a password-reset link points.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpSecurity EffectiveSmtpSecurity =>
        SmtpSecurity ?? (SmtpUseTls ? Email.SmtpSecurity.StartTls : Email.SmtpSecurity.None);

    /// <summary>
    /// Stops the app from starting with a public address that is missing (outside Development) or not an absolute
    /// http(s) address, saying what to set.
    /// </summary>
    public static void CheckPublicBaseUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[$"{Section}:{nameof(PublicBaseUrl)}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (environment.IsDevelopment())
            {
                return;
            }

            throw new InvalidOperationException(
                "Email:PublicBaseUrl is not set. Outside Development WithUs needs the address people reach it at, to put " +
                "in password-reset and invitation links (it never takes that address from a request, which anyone can " +
                "forge). Set Email__PublicBaseUrl, for example Email__PublicBaseUrl=https://withus.example.org " +
                "(see docs/configuration.md).");
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new InvalidOperationException(
                "Email:PublicBaseUrl must be the address people reach WithUs at, starting https:// (or http://), with no " +
                $"query, for example https://withus.example.org. It is \"{value}\".");
        }
    }
}
