namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Who is owed a reply. Each part reads a partial index holding exactly its rows in the order shown (migration
/// IdeaOutcomeOnEachRow), and each count stops at <see cref="IndexModel.CountLimit"/>, so the page costs what it
/// shows, not how much the organisation has heard and answered.
/// </summary>
public sealed class OwedModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public const int Shown = 200;

    public int ResponseWindowDays => Organisation.ResponseWindowDays;

    public IReadOnlyList<Row> NotTold { get; private set; } = [];

    public Counted NotToldCount { get; private set; }

    public Counted AnonymousCount { get; private set; }

    /// <summary>Ideas with an outcome that people without a name wait to read, not yet on the public page.</summary>
    public IReadOnlyList<(Guid Id, string Text)> NotPublishedForAnonymous { get; private set; } = [];

    /// <summary>People with an outcome they have not been told who asked not to be contacted.</summary>
    public IReadOnlyList<Row> NoWayToTell { get; private set; } = [];

    public Counted NoWayToTellCount { get; private set; }

    public IReadOnlyList<Row> NoOutcome { get; private set; } = [];

    public Counted NoOutcomeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (NotToldCount, NotTold) = await UntoldAsync(OwedReplies.NotTold(db), cancellationToken);
        (NoWayToTellCount, NoWayToTell) = await UntoldAsync(OwedReplies.NoWayToTell(db), cancellationToken);
        AnonymousCount = await Counted.CountAsync(OwedReplies.AnonymousWithAnOutcome(db), cancellationToken);
        NotPublishedForAnonymous = await OwedReplies.NotPublishedForAnonymousAsync(db, Shown, cancellationToken);

        var noOutcome = OwedReplies.NoOutcome(db, Organisation, clock);
        NoOutcomeCount = await Counted.CountAsync(noOutcome, cancellationToken);
        NoOutcome = await noOutcome
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text, null, c.Person == null ? null : c.Person.Name, c.Outcome, false, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Each person's own words (a "me too" with nothing added says so), with the idea they added a voice to: looked up
    /// for each row shown, not joined (PostgreSQL would hash the whole organisation's rows to join the few shown).
    /// </summary>
    private async Task<(Counted Count, IReadOnlyList<Row> Rows)> UntoldAsync(
        IQueryable<Contribution> untold, CancellationToken cancellationToken)
    {
        var rows = await untold
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text,
                c.LinkedToId == null ? null : db.Contributions.Where(i => i.Id == c.LinkedToId).Select(i => i.Text).FirstOrDefault(),
                c.Person!.Name, c.IdeaOutcome, c.ToldAtUtc != null, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return (await Counted.CountAsync(untold, cancellationToken), rows);
    }

    /// <param name="Text">What this person said, in their words.</param>
    /// <param name="IdeaText">For a "me too": the idea they added their voice to.</param>
    public sealed record Row(Guid Id, string Text, string? IdeaText, string? PersonName, OutcomeStatus Outcome,
        bool ToldEarlierOutcome, DateTime RecordedAtUtc)
    {
        public string Said(int maxLength) => VoiceText.Said(Text, IdeaText is not null, maxLength);
    }
}
