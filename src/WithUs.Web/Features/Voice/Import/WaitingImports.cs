namespace WithUs.Web.Features.Voice.Import;

public static class WaitingImports
{
    /// <summary>
    /// Import files waiting for the background worker in any organisation (checking or importing, and not locked by
    /// another worker), oldest first, through the one reviewed bypass of the organisation filter.
    /// </summary>
    public static async Task<List<WaitingImport>> ImportBatchesWaitingAsync(this WithUsDbContext db, DateTime now,
        CancellationToken cancellationToken = default)
    {
        var rows = await db.WaitingInAnyOrganisationAsync<ImportBatch, DateTime>(
            b => (b.Status == ImportStatus.Checking || b.Status == ImportStatus.Importing)
                 && (b.LockedUntilUtc == null || b.LockedUntilUtc < now),
            b => b.CreatedAtUtc,
            take: 10,
            cancellationToken);
        return rows.ConvertAll(r => new WaitingImport(r.Id, r.OrganisationId));
    }
}
