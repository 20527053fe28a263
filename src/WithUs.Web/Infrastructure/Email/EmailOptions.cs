namespace WithUs.Web.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server. When empty, email stays in the outbox (and, in development, is written to the log).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public string From { get; set; } = "WithUs <no-reply@withus.invalid>";

    /// <summary>The address people reach WithUs at, used in links in emails, for example https://withus.example.org.</summary>
    public string? PublicBaseUrl { get; set; }
}
