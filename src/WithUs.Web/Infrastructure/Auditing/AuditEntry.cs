namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>
/// Who did what, when, in which organisation. Holds identifiers and field names, never the personal data itself.
/// Not tenant-filtered: sign-ins belong to no organisation. Pages read it by organisation explicitly.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }

    public DateTime AtUtc { get; set; }

    public Guid? OrganisationId { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string Action { get; set; }

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }

    public const int ActionMaxLength = 100;
    public const int DetailsMaxLength = 2000;
}
