using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Who is owed a reply: people whose contribution has an outcome they have not been told (or were told an earlier
/// one), and ideas still without an outcome after the organisation's response window.
/// </summary>
public static class OwedReplies
{
    /// <summary>
    /// Contributions from someone we may tell whose outcome (the idea's, for a "me too") they have not been told.
    /// Someone may be told when they agreed to be contacted, or when they have an account here (their own "What I have
    /// said" page shows the outcome, and staff see them in person).
    /// </summary>
    public static IQueryable<Contribution> NotTold(WithUsDbContext db) =>
        WithAnUntoldOutcome(db).Where(c => c.Person!.MayContact || c.Person.UserId != null);

    /// <summary>
    /// Contributions with an untold outcome from someone who asked not to be contacted and has no account: there is
    /// no way to tell them, so they are not owed a reply, but staff see who they are.
    /// </summary>
    public static IQueryable<Contribution> NoWayToTell(WithUsDbContext db) =>
        WithAnUntoldOutcome(db).Where(c => !c.Person!.MayContact && c.Person.UserId == null);

    /// <summary>Whether this person can be told an outcome (see <see cref="NotTold"/>).</summary>
    public static bool CanBeTold(Person person) => person.MayContact || person.UserId != null;

    private static IQueryable<Contribution> WithAnUntoldOutcome(WithUsDbContext db) =>
        db.Contributions.Where(c => c.PersonId != null
            && (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome) != OutcomeStatus.New
            && (c.ToldAtUtc == null || c.ToldOutcome == null
                || c.ToldOutcome != (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome)));

    /// <summary>Anonymous contributions with an outcome: nobody to tell, so they are not owed a reply.</summary>
    public static IQueryable<Contribution> AnonymousWithAnOutcome(WithUsDbContext db) =>
        db.Contributions.Where(c => c.PersonId == null
            && (c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome) != OutcomeStatus.New);

    /// <summary>
    /// Ideas with an outcome, said without a name or with anonymous voices added, whose outcome is not on the public
    /// page: the only way those people could hear it.
    /// </summary>
    public static IQueryable<Contribution> NotPublishedForAnonymous(WithUsDbContext db) =>
        db.Contributions.Where(i => i.LinkedToId == null && i.Outcome != OutcomeStatus.New && !i.IsPublished
            && (i.PersonId == null || db.Contributions.Any(v => v.LinkedToId == i.Id && v.PersonId == null)));

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
