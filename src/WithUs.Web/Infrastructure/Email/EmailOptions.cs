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

    /// <summary>The address people reach WithUs at, used in links in emails, for example https://withus.example.org.</summary>
    public string? PublicBaseUrl { get; set; }

    public SmtpSecurity EffectiveSmtpSecurity =>
        SmtpSecurity ?? (SmtpUseTls ? Email.SmtpSecurity.StartTls : Email.SmtpSecurity.None);
}
