namespace WithUs.Web.Features.Voice.Outcomes;

public sealed class OwedModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public const int Shown = 200;

    public int ResponseWindowDays => Organisation.ResponseWindowDays;

    public IReadOnlyList<Row> NotTold { get; private set; } = [];

    public int NotToldCount { get; private set; }

    public int AnonymousCount { get; private set; }

    /// <summary>Ideas with an outcome that people without a name wait to read, not yet on the public page.</summary>
    public IReadOnlyList<(Guid Id, string Text)> NotPublishedForAnonymous { get; private set; } = [];

    /// <summary>People with an outcome they have not been told who asked not to be contacted.</summary>
    public IReadOnlyList<Row> NoWayToTell { get; private set; } = [];

    public int NoWayToTellCount { get; private set; }

    public IReadOnlyList<Row> NoOutcome { get; private set; } = [];

    public int NoOutcomeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (NotToldCount, NotTold) = await UntoldAsync(OwedReplies.NotTold(db), cancellationToken);
        (NoWayToTellCount, NoWayToTell) = await UntoldAsync(OwedReplies.NoWayToTell(db), cancellationToken);
        AnonymousCount = await OwedReplies.AnonymousWithAnOutcome(db).CountAsync(cancellationToken);
        NotPublishedForAnonymous = (await OwedReplies.NotPublishedForAnonymous(db).AsNoTracking()
                .OrderBy(c => c.OutcomeAtUtc).ThenBy(c => c.Id)
                .Take(Shown)
                .Select(c => new { c.Id, c.Text })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, c.Text)).ToList();

        var noOutcome = OwedReplies.NoOutcome(db, Organisation, clock).AsNoTracking();
        NoOutcomeCount = await noOutcome.CountAsync(cancellationToken);
        NoOutcome = await noOutcome
            .OrderBy(c => c.CreatedAtUtc)
            .ThenBy(c => c.Id)
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text, null, c.Person == null ? null : c.Person.Name, c.Outcome, false, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Each person's own words (a "me too" with nothing added says so), with the idea they added a voice to.</summary>
    private static async Task<(int Count, IReadOnlyList<Row> Rows)> UntoldAsync(
        IQueryable<Contribution> untold, CancellationToken cancellationToken)
    {
        untold = untold.AsNoTracking();
        var rows = await untold
            .OrderBy(c => c.LinkedToId == null ? c.OutcomeAtUtc : c.LinkedTo!.OutcomeAtUtc)
            .ThenBy(c => c.Id)
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text, c.LinkedToId == null ? null : c.LinkedTo!.Text, c.Person!.Name,
                c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome, c.ToldAtUtc != null, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return (await untold.CountAsync(cancellationToken), rows);
    }

    /// <param name="Text">What this person said, in their words.</param>
    /// <param name="IdeaText">For a "me too": the idea they added their voice to.</param>
    public sealed record Row(Guid Id, string Text, string? IdeaText, string? PersonName, OutcomeStatus Outcome,
        bool ToldEarlierOutcome, DateTime RecordedAtUtc)
    {
        public string Said(int maxLength) => VoiceText.Said(Text, IdeaText is not null, maxLength);
    }
}
