namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Who is owed a reply: people whose contribution has an outcome they have not been told (or were told an earlier
/// one), and ideas still without an outcome after the organisation's response window.
/// </summary>
public static class OwedReplies
{
    /// <summary>Contributions with a person whose outcome (the idea's, for a "me too") they have not been told.</summary>
    public static IQueryable<Contribution> NotTold(WithUsDbContext db) =>
        db.Contributions.Where(c => c.PersonId != null
            && (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome) != OutcomeStatus.New
            && (c.ToldAtUtc == null || c.ToldOutcome == null
                || c.ToldOutcome != (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome)));

    /// <summary>Anonymous contributions with an outcome: nobody to tell, so they are not owed a reply.</summary>
    public static IQueryable<Contribution> AnonymousWithAnOutcome(WithUsDbContext db) =>
        db.Contributions.Where(c => c.PersonId == null
            && (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome) != OutcomeStatus.New);

    /// <summary>Ideas recorded before the response window began that still have no outcome.</summary>
    public static IQueryable<Contribution> NoOutcome(WithUsDbContext db, Organisation organisation, OrganisationClock clock)
    {
        var before = ResponseWindowStart(organisation, clock);
        return db.Contributions.Where(c => c.LinkedToId == null && c.Outcome == OutcomeStatus.New && c.CreatedAtUtc < before);
    }

    /// <summary>
    /// An idea recorded on a local day is owed a reply from the start of the day that many days later: with 28 days,
    /// one recorded on 1 March at any hour is owed from the start of 29 March.
    /// </summary>
    public static DateTime ResponseWindowStart(Organisation organisation, OrganisationClock clock) =>
        clock.StartOfDayUtc(clock.Today.AddDays(-organisation.ResponseWindowDays + 1));

    public static async Task<int> CountAsync(WithUsDbContext db, Organisation organisation, OrganisationClock clock,
        CancellationToken cancellationToken) =>
        await NotTold(db).CountAsync(cancellationToken) + await NoOutcome(db, organisation, clock).CountAsync(cancellationToken);
}
