using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People;

/// <summary>Everything held about one person in one place. Looking at it is recorded in the audit log.</summary>
public sealed class PersonModel(WithUsDbContext db, AuditLog audit, TimeProvider clock) : OrganisationPageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<Said> Contributions { get; private set; } = [];

    public IReadOnlyList<InterestRow> Interests { get; private set; } = [];

    public IReadOnlyList<ReachBackRow> ReachBacks { get; private set; } = [];

    public ConsentState Consents { get; private set; } = new([]);

    /// <summary>When they gave equality monitoring answers (never what they were: those are sealed).</summary>
    public DateTime? EqualityAnsweredAtUtc { get; private set; }

    /// <summary>Whether they keep an access need private (never what it is).</summary>
    public bool HasPrivateNeed { get; private set; }

    /// <summary>The roles they have held, the ones they hold now first, then newest first.</summary>
    public IReadOnlyList<HeldRole> Roles { get; private set; } = [];

    /// <summary>What the roles they hold now need, and where they stand on each.</summary>
    public IReadOnlyList<TrainingNeed> Training { get; private set; } = [];

    public IReadOnlyList<Recognition> Recognitions { get; private set; } = [];

    /// <summary>Milestones the roles they hold suggest and nobody has recorded yet.</summary>
    public IReadOnlyList<string> SuggestedMilestones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = RouteResource<Person>();

        Person = person;
        // Their rows by the PersonId index, then the ideas their "me too"s joined by id, and sorted here: joined to the
        // idea in SQL, or sorted there, SQLite reads the whole organisation instead of the few rows they said (issue 9).
        var rows = await db.Contributions.AsNoTracking()
            .Where(c => c.PersonId == personId)
            .Select(c => new { c.Id, c.LinkedToId, c.Text, c.SaidOnUtc, c.Outcome, c.ToldAtUtc, c.ToldOutcome })
            .ToListAsync(cancellationToken);
        var ideaIds = rows.Where(r => r.LinkedToId is not null).Select(r => r.LinkedToId!.Value).Distinct().ToList();
        var ideas = ideaIds.Count == 0
            ? []
            : await db.Contributions.AsNoTracking().Where(c => ideaIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Text, c.Outcome })
                .ToDictionaryAsync(c => c.Id, cancellationToken);
        Contributions = rows
            .Select(r => r.LinkedToId is { } idea && ideas.TryGetValue(idea, out var joined)
                ? new Said(r.Id, r.LinkedToId, joined.Text, r.SaidOnUtc, joined.Outcome, r.ToldAtUtc, r.ToldOutcome)
                : new Said(r.Id, r.LinkedToId, r.Text, r.SaidOnUtc, r.Outcome, r.ToldAtUtc, r.ToldOutcome))
            .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.Id)
            .ToList();
        Interests = await db.Interests.AsNoTracking()
            .Where(i => i.PersonId == personId)
            .OrderByDescending(i => i.CreatedAtUtc)
            .Select(i => new InterestRow(i.ContributionId, i.ThemeId,
                i.Contribution != null ? i.Contribution.Text : i.Theme != null ? i.Theme.Name : "", i.Kind, i.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        ReachBacks = await (
                from r in db.ReachBacks.AsNoTracking()
                where r.PersonId == personId
                orderby r.AtUtc descending
                select new ReachBackRow(r.About, r.Method, r.AtUtc, r.ContributionId, r.ThemeId,
                    db.Users.Where(u => u.Id == r.ByUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Consents = await ConsentState.LoadAsync(db, personId, cancellationToken);
        var sealedDetails = await db.SealedDetails.AsNoTracking().Where(s => s.PersonId == personId)
            .Select(s => new { s.Kind, s.AtUtc }).ToListAsync(cancellationToken);
        EqualityAnsweredAtUtc = sealedDetails.FirstOrDefault(s => s.Kind == SealedDetailKind.EqualityAnswers)?.AtUtc;
        HasPrivateNeed = sealedDetails.Any(s => s.Kind == SealedDetailKind.PrivateAccessNeed);
        Roles = await db.PersonRoles.AsNoTracking()
            .Where(r => r.PersonId == personId)
            .OrderBy(r => r.EndedOn != null).ThenByDescending(r => r.StartedOn).ThenByDescending(r => r.CreatedAtUtc)
            .Select(r => new HeldRole(r.Id, r.Role!.Name, r.StartedOn, r.EndedOn))
            .ToListAsync(cancellationToken);
        var today = OrganisationClock.For(Organisation, clock).Today;
        Training = await TrainingNeeds.ForAsync(db, today, personId, cancellationToken);
        Recognitions = await db.Recognitions.AsNoTracking().Where(r => r.PersonId == personId)
            .OrderByDescending(r => r.GivenOn).ThenByDescending(r => r.CreatedAtUtc).ToListAsync(cancellationToken);
        SuggestedMilestones = RecognitionWords.Suggested(Roles.Select(r => (r.Name, r.StartedOn, r.EndedOn)), Recognitions.Select(r => r.Title), today);
        await audit.RecordAboutAsync("Viewed", nameof(People.Person), personId, cancellationToken: cancellationToken);
        return Page();
    }

    public sealed record Said(Guid Id, Guid? IdeaId, string Text, DateTime SaidOnUtc, OutcomeStatus Outcome,
        DateTime? ToldAtUtc, OutcomeStatus? ToldOutcome)
    {
        public bool Owed => Outcome != OutcomeStatus.New && (ToldAtUtc is null || ToldOutcome != Outcome);
    }

    public sealed record HeldRole(Guid Id, string Name, DateTime StartedOn, DateTime? EndedOn);

    public sealed record InterestRow(Guid? ContributionId, Guid? ThemeId, string What, InterestKind Kind, DateTime CreatedAtUtc);

    public sealed record ReachBackRow(string About, ContactMethod Method, DateTime AtUtc, Guid? ContributionId, Guid? ThemeId, string? By);
}
