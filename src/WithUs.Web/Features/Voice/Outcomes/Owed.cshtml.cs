namespace WithUs.Web.Features.Voice.Outcomes;

public sealed class OwedModel(WithUsDbContext db, OrganisationClock clock) : OrganisationPageModel
{
    public const int Shown = 200;

    public int ResponseWindowDays => Organisation.ResponseWindowDays;

    public IReadOnlyList<Row> NotTold { get; private set; } = [];

    public int NotToldCount { get; private set; }

    public int AnonymousCount { get; private set; }

    public IReadOnlyList<Row> NoOutcome { get; private set; } = [];

    public int NoOutcomeCount { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var notTold = OwedReplies.NotTold(db).AsNoTracking();
        NotToldCount = await notTold.CountAsync(cancellationToken);
        NotTold = await notTold
            .OrderBy(c => c.LinkedToId == null ? c.OutcomeAtUtc : c.LinkedTo!.OutcomeAtUtc)
            .ThenBy(c => c.Id)
            .Take(Shown)
            .Select(c => new Row(c.Id, c.LinkedToId == null ? c.Text : c.LinkedTo!.Text, c.Person!.Name,
                c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome, c.ToldAtUtc != null, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        AnonymousCount = await OwedReplies.AnonymousWithAnOutcome(db).CountAsync(cancellationToken);

        var noOutcome = OwedReplies.NoOutcome(db, Organisation, clock).AsNoTracking();
        NoOutcomeCount = await noOutcome.CountAsync(cancellationToken);
        NoOutcome = await noOutcome
            .OrderBy(c => c.CreatedAtUtc)
            .ThenBy(c => c.Id)
            .Take(Shown)
            .Select(c => new Row(c.Id, c.Text, c.Person == null ? null : c.Person.Name, c.Outcome, false, c.CreatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string Text, string? PersonName, OutcomeStatus Outcome, bool ToldEarlierOutcome,
        DateTime RecordedAtUtc);
}
