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

    public string? LastError { get; set; }
}
