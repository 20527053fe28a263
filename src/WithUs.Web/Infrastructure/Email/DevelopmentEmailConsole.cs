namespace WithUs.Web.Infrastructure.Email;

/// <summary>
/// Where Development's outbox shows each email instead of sending it: the console, as plain text, so that a link reads
/// and copies as it is (the JSON log writes "&amp;" as \u0026 and breaks it). Tests give it a writer of their own.
/// </summary>
public sealed class DevelopmentEmailConsole(TextWriter writer)
{
    public void Show(OutboxEmail email)
    {
        // The address is left out, as in the log; the body holds the link the developer needs.
        var body = email.Body.ReplaceLineEndings(Environment.NewLine);
        writer.Write($"""

            ---------- Email (development, not sent) ----------
            Subject: {email.Subject}

            {body}
            ---------------------------------------------------


            """);
        writer.Flush();
    }
}
