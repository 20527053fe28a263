namespace WithUs.Web.Features.People;

/// <summary>A person's answers for each kind of consent: the one that stands and the ones before it.</summary>
public sealed class ConsentState
{
    private readonly Dictionary<ConsentKind, List<Consent>> byKind;

    private readonly IReadOnlyDictionary<Guid, string> staffNames;

    public ConsentState(IEnumerable<Consent> answers, IReadOnlyDictionary<Guid, string>? staffNames = null)
    {
        this.staffNames = staffNames ?? new Dictionary<Guid, string>();
        byKind = answers
            .GroupBy(c => c.Kind)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.AtUtc).ThenBy(c => c.Id.ToString("N"), StringComparer.Ordinal).ToList());
    }

    /// <summary>One person's answers, with the names of the staff who wrote them down.</summary>
    public static async Task<ConsentState> LoadAsync(WithUsDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        var answers = await db.Consents.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(cancellationToken);
        var staff = answers.Select(c => c.RecordedByUserId).OfType<Guid>().Distinct().ToList();
        var names = staff.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.Where(u => staff.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new(answers, names);
    }

    /// <summary>The answer that stands, or null when they were never asked.</summary>
    public Consent? Current(ConsentKind kind) => byKind.TryGetValue(kind, out var answers) ? answers[^1] : null;

    /// <summary>Every answer for this kind, newest first.</summary>
    public IReadOnlyList<Consent> History(ConsentKind kind) =>
        byKind.TryGetValue(kind, out var answers) ? answers.AsEnumerable().Reverse().ToList() : [];

    /// <summary>Who wrote the answer down: a member of staff's name, "they did" when it was the person, or null when
    /// the account has gone.</summary>
    public string? RecordedBy(Consent answer) => answer.RecordedByUserId is not { } id
        ? "They did, themselves"
        : staffNames.GetValueOrDefault(id);

    /// <summary>How it reached us in words: "in person", "through Sam, their key worker".</summary>
    public static string How(Consent answer) =>
        answer.Way == ConsentWay.ThroughSomeone && answer.ThroughWhom is { } who ? "through " + who : answer.Way.Words();

    public bool Gives(ConsentKind kind) => Current(kind)?.Given == true;

    /// <summary>
    /// Whether they may be named in public (a published project, a case study): their answer about being quoted or
    /// named is yes, and they still agree that we keep what they say with their name. The one rule for naming anyone
    /// outside the organisation: never asked, or any "no" that stands, and they are counted instead.
    /// </summary>
    public bool MayBeNamed => Gives(ConsentKind.Quoted) && Gives(ConsentKind.Record);

    /// <summary>Which of these people <see cref="MayBeNamed"/>, from their answers, in one query however many there are.</summary>
    public static async Task<IReadOnlySet<Guid>> WhoMayBeNamedAsync(WithUsDbContext db, IReadOnlyCollection<Guid> personIds,
        CancellationToken cancellationToken)
    {
        if (personIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var ids = personIds.Distinct().ToList();
        var answers = await db.Consents.AsNoTracking()
            .Where(c => ids.Contains(c.PersonId) && (c.Kind == ConsentKind.Quoted || c.Kind == ConsentKind.Record))
            .ToListAsync(cancellationToken);
        return answers.GroupBy(c => c.PersonId)
            .Where(g => new ConsentState(g).MayBeNamed)
            .Select(g => g.Key)
            .ToHashSet();
    }
}

/// <summary>One kind's answers for the history table.</summary>
public sealed record ConsentHistoryView(ConsentState State, ConsentKind Kind);
