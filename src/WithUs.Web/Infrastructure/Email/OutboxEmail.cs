namespace WithUs.Web.Infrastructure.Email;

/// <summary>An email waiting to be sent, or sent. Written in the same transaction as the change that causes it.</summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// While a node is sending it, and after a failure until it may be tried again: nobody else picks it up before
    /// then, so an email is sent once even with several nodes.
    /// </summary>
    public DateTime? LockedUntilUtc { get; set; }

    public string? LastError { get; set; }
}
