using WithUs.Web.Infrastructure.Data;

namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>Writes events that are not row changes (sign-ins, failed sign-ins, sensitive reads) to the audit log.</summary>
public sealed class AuditLog(WithUsDbContext db, TimeProvider clock, ICurrentActor actor)
{
    public async Task RecordAsync(string action, Guid? userId = null, Guid? organisationId = null, string? details = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = userId ?? actor.UserId,
            OrganisationId = organisationId ?? db.CurrentOrganisationId,
            Action = action,
            Details = details is { Length: > AuditEntry.DetailsMaxLength } ? details[..AuditEntry.DetailsMaxLength] : details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
