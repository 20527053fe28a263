namespace WithUs.Web.Features.Projects.Team;

/// <summary>Recording that a member agreed to a version of the ground rules: agreeing twice, or twice at once, is agreeing once.</summary>
public static class GroundRulesAgreement
{
    /// <param name="recordedBy">The member of staff who recorded it, or null when the member agreed themselves.</param>
    public static async Task RecordAsync(WithUsDbContext db, Guid groundRulesId, Guid memberId, Guid? recordedBy, DateTime now,
        CancellationToken cancellationToken)
    {
        if (await db.Set<GroundRulesAgreed>().AnyAsync(a => a.GroundRulesId == groundRulesId && a.MemberId == memberId, cancellationToken))
        {
            return;
        }

        db.Add(new GroundRulesAgreed
        {
            Id = Ids.New(),
            GroundRulesId = groundRulesId,
            MemberId = memberId,
            AgreedAtUtc = now,
            RecordedByUserId = recordedBy,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
        }
    }
}
