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
    public static IQueryable<Contribution> NotTold(WithUsDbContext db) => InOrder(NotToldRows(db));

    /// <summary><see cref="NotTold"/>, in no order.</summary>
    public static IQueryable<Contribution> NotToldRows(WithUsDbContext db) => WithAnUntoldOutcome(db).Where(c => c.CanBeTold);

    /// <summary>
    /// Contributions with an untold outcome from someone who asked not to be contacted and has no account: there is
    /// no way to tell them, so they are not owed a reply, but staff see who they are.
    /// </summary>
    public static IQueryable<Contribution> NoWayToTell(WithUsDbContext db) => InOrder(NoWayToTellRows(db));

    /// <summary><see cref="NoWayToTell"/>, in no order.</summary>
    public static IQueryable<Contribution> NoWayToTellRows(WithUsDbContext db) => WithAnUntoldOutcome(db).Where(c => !c.CanBeTold);

    /// <summary>Whether this person can be told an outcome (see <see cref="NotTold"/>); each of their rows carries it as <see cref="Contribution.CanBeTold"/>.</summary>
    public static bool CanBeTold(Person person) => person.MayContact || person.UserId != null;

    /// <summary>
    /// Named contributions whose outcome that counts they have not been told. With <see cref="Contribution.CanBeTold"/>
    /// each part is exactly the rows of one partial index, in order, so the database walks it and stops at the page's
    /// limit (<see cref="ContributionConfiguration.UntoldCanBeToldIndex"/> and
    /// <see cref="ContributionConfiguration.UntoldNoWayToTellIndex"/>; migration CanBeToldOnEachRow). Written exactly as
    /// the indexes' filters, which SQLite needs to use them.
    /// </summary>
    private static IQueryable<Contribution> WithAnUntoldOutcome(WithUsDbContext db) =>
        db.Contributions.Where(c => c.PersonId != null && c.IdeaOutcome != OutcomeStatus.New
            && (c.ToldAtUtc == null || c.ToldOutcome == null || c.ToldOutcome != c.IdeaOutcome));

    /// <summary>Anonymous contributions with an outcome: nobody to tell, so they are not owed a reply.</summary>
    public static IQueryable<Contribution> AnonymousWithAnOutcome(WithUsDbContext db) =>
        InOrder(db.Contributions.Where(c => c.PersonId == null && c.IdeaOutcome != OutcomeStatus.New));

    /// <summary>
    /// The longest decided first. Counts are asked in this order too: it is the order of the index that holds only
    /// these rows, and without it SQLite prefers a shorter-looking index on PersonId that holds every row.
    /// </summary>
    private static IOrderedQueryable<Contribution> InOrder(IQueryable<Contribution> rows) =>
        rows.OrderBy(c => c.IdeaOutcomeAtUtc).ThenBy(c => c.Id);

    /// <summary>
    /// Ideas with an outcome, said without a name or with anonymous voices added, whose outcome is not on the public
    /// page (the only way those people could hear it), the longest decided first: found from the anonymous rows
    /// themselves, each carrying its idea's outcome and publishing, reading at most <see cref="IndexModel.CountLimit"/>
    /// of them (an idea with many anonymous voices is one line). The database gathers the rows into ideas, from an index
    /// that holds every column the query names (SQLite then reads it without the table): read row by row from the
    /// table, the 1,001 rows cost 4 ms at a region's size; now about 0.1 ms (docs/performance.md). All of an idea's rows
    /// carry its one outcome date, so an idea's place is where its first row was.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Text)>> NotPublishedForAnonymousAsync(WithUsDbContext db, int take,
        CancellationToken cancellationToken)
    {
        var ideas = await InOrder(db.Contributions.Where(c => c.PersonId == null && c.IdeaOutcome != OutcomeStatus.New && !c.IdeaIsPublished))
            .Take(IndexModel.CountLimit + 1)
            .Select(c => new { Idea = c.LinkedToId ?? c.Id, c.IdeaOutcomeAtUtc })
            .GroupBy(r => r.Idea)
            .Select(g => new { g.Key, Decided = g.Min(r => r.IdeaOutcomeAtUtc) })
            .OrderBy(g => g.Decided).ThenBy(g => g.Key)
            .Take(take)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        var texts = await db.Contributions.Where(c => ideas.Contains(c.Id)).Select(c => new { c.Id, c.Text })
            .ToDictionaryAsync(c => c.Id, c => c.Text, cancellationToken);
        return ideas.Where(texts.ContainsKey).Select(id => (id, texts[id])).ToList();
    }

    /// <summary>Ideas recorded before the response window began that still have no outcome, the oldest first.</summary>
    public static IOrderedQueryable<Contribution> NoOutcome(WithUsDbContext db, Organisation organisation, OrganisationClock clock) =>
        NoOutcomeRows(db, organisation, clock).OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id);

    /// <summary><see cref="NoOutcome"/>, in no order.</summary>
    public static IQueryable<Contribution> NoOutcomeRows(WithUsDbContext db, Organisation organisation, OrganisationClock clock)
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

    /// <summary>How many are owed a reply (<see cref="NotTold"/> and <see cref="NoOutcome"/>), each counted up to <see cref="IndexModel.CountLimit"/>.</summary>
    public static async Task<Counted> CountAsync(WithUsDbContext db, Organisation organisation, OrganisationClock clock,
        CancellationToken cancellationToken) =>
        await Counted.CountAsync(NotTold(db), cancellationToken)
        + await Counted.CountAsync(NoOutcome(db, organisation, clock), cancellationToken);
}
