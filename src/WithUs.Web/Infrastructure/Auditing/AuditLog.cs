namespace WithUs.Web.Infrastructure.Auditing;

/// <summary>Writes events that are not row changes (sign-ins, failed sign-ins, sensitive reads) to the audit log.</summary>
public sealed class AuditLog(WithUsDbContext db, TimeProvider clock, ICurrentActor actor)
{
    /// <summary>
    /// Events about a person's account (signing in, failing to, two-factor changes) belong to no organisation, but
    /// each organisation they belong to needs to see them in its own audit log: one entry for each.
    /// </summary>
    public async Task RecordForPersonAsync(string action, Guid userId, string? details = null,
        CancellationToken cancellationToken = default)
    {
        var organisations = (await db.MembershipsOfUserAsync(userId, cancellationToken)).Select(m => (Guid?)m.OrganisationId).ToList();
        if (organisations.Count == 0)
        {
            organisations.Add(null);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var organisationId in organisations)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Id = Ids.New(),
                AtUtc = at,
                ActorUserId = userId,
                OrganisationId = organisationId,
                Action = action,
                Details = Truncate(details),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordAsync(string action, Guid? userId = null, Guid? organisationId = null, string? details = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Ids.New(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = userId ?? actor.UserId,
            OrganisationId = organisationId ?? db.CurrentOrganisationId,
            Action = action,
            Details = Truncate(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A sensitive read or export of one record (a person's page, a contact list), naming the record it was about.</summary>
    public async Task RecordAboutAsync(string action, string entityType, Guid entityId, string? details = null,
        CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Ids.New(),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actor.UserId,
            OrganisationId = db.CurrentOrganisationId,
            Action = action,
            EntityType = entityType,
            EntityId = entityId.ToString(),
            Details = Truncate(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? details) =>
        details is { Length: > AuditEntry.DetailsMaxLength } ? details[..AuditEntry.DetailsMaxLength] : details;
}
