namespace WithUs.Web.Infrastructure.Email;

/// <summary>How the connection to the SMTP server is protected (<c>Email:SmtpSecurity</c>).</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text throughout: only for a server on the same machine or a trusted network.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; refuse to send if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte, also called implicit TLS or SMTPS (port 465).</summary>
    SslOnConnect,

    /// <summary>
    /// TLS from the first byte on port 465; elsewhere STARTTLS when the server offers it and plain text when it does
    /// not, so a network attacker could strip it: prefer StartTls or SslOnConnect.
    /// </summary>
    Auto,
}
