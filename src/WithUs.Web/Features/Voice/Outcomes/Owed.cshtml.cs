namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Who is owed a reply, at a glance: each part's count and the few waiting longest, with a page of its own for the rest
/// (<see cref="OwedPartModel"/>). Each part reads a partial index holding exactly its rows in the order shown
/// (migrations IdeaOutcomeOnEachRow and CanBeToldOnEachRow), and each count stops at <see cref="IndexModel.CountLimit"/>,
/// so the page costs what it shows, not how much the organisation has heard and answered.
/// </summary>
public sealed class OwedModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    /// <summary>How many of each part this page lists: enough to start on, few enough for an old phone.</summary>
    public const int Shown = 25;

    public int ResponseWindowDays => Organisation.ResponseWindowDays;

    public IReadOnlyList<OwedRow> NotTold { get; private set; } = [];

    public Counted NotToldCount { get; private set; }

    public Counted AnonymousCount { get; private set; }

    /// <summary>Ideas with an outcome that people without a name wait to read, not yet on the public page.</summary>
    public IReadOnlyList<(Guid Id, string Text)> NotPublishedForAnonymous { get; private set; } = [];

    /// <summary>Whether there are more of <see cref="NotPublishedForAnonymous"/> than this page lists.</summary>
    public bool MoreNotPublished { get; private set; }

    /// <summary>People with an outcome they have not been told who asked not to be contacted.</summary>
    public IReadOnlyList<OwedRow> NoWayToTell { get; private set; } = [];

    public Counted NoWayToTellCount { get; private set; }

    public IReadOnlyList<OwedRow> NoOutcome { get; private set; } = [];

    public Counted NoOutcomeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = new OwedList(db, Organisation, clock);
        NotTold = await list.FirstAsync(OwedPart.NotTold, Shown, cancellationToken);
        NotToldCount = await Counted.CountAsync(OwedReplies.NotTold(db), cancellationToken);
        NoWayToTell = await list.FirstAsync(OwedPart.NoWayToTell, Shown, cancellationToken);
        NoWayToTellCount = await Counted.CountAsync(OwedReplies.NoWayToTell(db), cancellationToken);
        AnonymousCount = await Counted.CountAsync(OwedReplies.AnonymousWithAnOutcome(db), cancellationToken);
        var notPublished = await OwedReplies.NotPublishedForAnonymousAsync(db, Shown + 1, cancellationToken);
        (NotPublishedForAnonymous, MoreNotPublished) = (notPublished.Take(Shown).ToList(), notPublished.Count > Shown);
        NoOutcome = await list.FirstAsync(OwedPart.NoOutcome, Shown, cancellationToken);
        NoOutcomeCount = await Counted.CountAsync(OwedReplies.NoOutcome(db, Organisation, clock), cancellationToken);
    }
}
