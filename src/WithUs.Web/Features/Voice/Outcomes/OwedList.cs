namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>The parts of "owed a reply" that each have a page of their own, with the address each goes by.</summary>
public enum OwedPart
{
    /// <summary>Has an outcome they have not been told, and can be told (<see cref="OwedReplies.NotTold"/>).</summary>
    NotTold,

    /// <summary>Has an outcome they have not been told, and asked not to be contacted (<see cref="OwedReplies.NoWayToTell"/>).</summary>
    NoWayToTell,

    /// <summary>An idea with no outcome after the response window (<see cref="OwedReplies.NoOutcome"/>).</summary>
    NoOutcome,

    /// <summary>Ideas with an outcome that people without a name wait to read (<see cref="OwedReplies.NotPublishedForAnonymousAsync"/>).</summary>
    NotPublished,
}

public static class OwedParts
{
    public static string Slug(this OwedPart part) => part switch
    {
        OwedPart.NotTold => "not-told",
        OwedPart.NoWayToTell => "no-way-to-tell",
        OwedPart.NoOutcome => "no-outcome",
        OwedPart.NotPublished => "not-published",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The part an address names, or null for anything else.</summary>
    public static OwedPart? FromSlug(string? slug) =>
        Enum.GetValues<OwedPart>().Cast<OwedPart?>().FirstOrDefault(p => p!.Value.Slug() == slug);
}

/// <summary>
/// One person (or idea) in a part of "owed a reply".
/// </summary>
/// <param name="Text">What this person said, in their words.</param>
/// <param name="IdeaText">For a "me too": the idea they added their voice to.</param>
/// <param name="WaitingSinceUtc">Where the part's order puts them: when the outcome was decided (untold), or when the idea was recorded (no outcome).</param>
public sealed record OwedRow(Guid Id, string Text, string? IdeaText, string? PersonName, OutcomeStatus Outcome,
    bool ToldEarlierOutcome, DateTime RecordedAtUtc, DateTime? WaitingSinceUtc)
{
    public string Said(int maxLength) => VoiceText.Said(Text, IdeaText is not null, maxLength);

    public OwedKey? Key => WaitingSinceUtc is { } at ? new OwedKey(at, Id) : null;
}

/// <summary>Where a page of a part of "owed a reply" starts or ends: the row's place in the part's order (oldest first).</summary>
public sealed record OwedKey(DateTime AtUtc, Guid Id)
{
    private const string Version = "1";

    public string Encode() => PageKey.Encode(Version, PageKey.Text(AtUtc), PageKey.Text(Id));

    /// <summary>The key in a link, or null for anything else (the part then shows its first page).</summary>
    public static OwedKey? Decode(string? encoded) =>
        PageKey.Decode(encoded, Version, 2) is [var at, var id] && PageKey.TryRead(at, out DateTime atUtc) && PageKey.TryRead(id, out Guid guid)
            ? new OwedKey(atUtc, guid)
            : null;
}

/// <summary>
/// Reads the people in the untold parts and the ideas in "no outcome", the longest waiting first: a first page, or one
/// found by seeking from a row's key, so every page reads the rows it shows and one more, however far down (issue 9).
/// Each part's rows are exactly one partial index, in the index's order (migrations IdeaOutcomeOnEachRow and
/// CanBeToldOnEachRow). An outcome always has a date where this app sets one (the outcome page, the import, the demo),
/// so every untold row has a key.
/// </summary>
public sealed class OwedList(WithUsDbContext db, Organisation organisation, OrganisationClock clock)
{
    public IReadOnlyList<OwedRow> Rows { get; private set; } = [];

    public string? PreviousKey { get; private set; }

    public string? NextKey { get; private set; }

    /// <summary>The first <paramref name="size"/> of a part, with no paging.</summary>
    public Task<List<OwedRow>> FirstAsync(OwedPart part, int size, CancellationToken cancellationToken) =>
        ReadAsync(part, Forward(part, null), size, cancellationToken);

    /// <summary>The page after <paramref name="after"/>, else the one before <paramref name="before"/>, else the first.</summary>
    public async Task LoadAsync(OwedPart part, int size, OwedKey? after, OwedKey? before, CancellationToken cancellationToken)
    {
        if (after is null && before is not null)
        {
            var earlier = await ReadAsync(part, Backward(part, before), size + 1, cancellationToken);
            if (earlier.Count > size)
            {
                Rows = earlier.Take(size).Reverse().ToList();
                (PreviousKey, NextKey) = (Rows[0].Key?.Encode(), Rows[^1].Key?.Encode());
                return;
            }
        }

        var rows = await ReadAsync(part, Forward(part, after), size + 1, cancellationToken);
        if (rows.Count == 0 && after is not null)
        {
            // Nothing after it (everyone there was told since, or a made-up link): the first page, not an empty one.
            after = null;
            rows = await ReadAsync(part, Forward(part, null), size + 1, cancellationToken);
        }

        Rows = rows.Take(size).ToList();
        PreviousKey = after is not null && Rows.Count > 0 ? Rows[0].Key?.Encode() : null;
        NextKey = rows.Count > size ? Rows[^1].Key?.Encode() : null;
    }

    private IQueryable<Contribution> PartRows(OwedPart part) => part switch
    {
        OwedPart.NotTold => OwedReplies.NotToldRows(db),
        OwedPart.NoWayToTell => OwedReplies.NoWayToTellRows(db),
        OwedPart.NoOutcome => OwedReplies.NoOutcomeRows(db, organisation, clock),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Not a list of people"),
    };

    private IQueryable<Contribution> Forward(OwedPart part, OwedKey? key)
    {
        var rows = PartRows(part);
        if (part == OwedPart.NoOutcome)
        {
            if (key is { AtUtc: var recorded, Id: var id })
            {
                rows = rows.Where(c => c.CreatedAtUtc >= recorded && (c.CreatedAtUtc > recorded || c.Id.CompareTo(id) > 0));
            }

            return rows.OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id);
        }

        if (key is { AtUtc: var decided, Id: var untoldId })
        {
            rows = rows.Where(c => c.IdeaOutcomeAtUtc >= decided && (c.IdeaOutcomeAtUtc > decided || c.Id.CompareTo(untoldId) > 0));
        }

        return rows.OrderBy(c => c.IdeaOutcomeAtUtc).ThenBy(c => c.Id);
    }

    /// <summary>The rows before the key, nearest first (the part's order reversed).</summary>
    private IQueryable<Contribution> Backward(OwedPart part, OwedKey key)
    {
        var (at, id) = (key.AtUtc, key.Id);
        var rows = PartRows(part);
        return part == OwedPart.NoOutcome
            ? rows.Where(c => c.CreatedAtUtc <= at && (c.CreatedAtUtc < at || c.Id.CompareTo(id) < 0))
                .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            : rows.Where(c => c.IdeaOutcomeAtUtc <= at && (c.IdeaOutcomeAtUtc < at || c.Id.CompareTo(id) < 0))
                .OrderByDescending(c => c.IdeaOutcomeAtUtc).ThenByDescending(c => c.Id);
    }

    /// <summary>
    /// Each person's own words (a "me too" with nothing added says so), with the idea they added a voice to: looked up
    /// for each row shown, not joined (PostgreSQL would hash the whole organisation's rows to join the few shown).
    /// </summary>
    private Task<List<OwedRow>> ReadAsync(OwedPart part, IQueryable<Contribution> ordered, int take, CancellationToken cancellationToken) =>
        part == OwedPart.NoOutcome
            ? ordered.Take(take)
                .Select(c => new OwedRow(c.Id, c.Text, null, c.Person == null ? null : c.Person.Name, c.Outcome, false, c.CreatedAtUtc, c.CreatedAtUtc))
                .ToListAsync(cancellationToken)
            : ordered.Take(take)
                .Select(c => new OwedRow(c.Id, c.Text,
                    c.LinkedToId == null ? null : db.Contributions.Where(i => i.Id == c.LinkedToId).Select(i => i.Text).FirstOrDefault(),
                    c.Person!.Name, c.IdeaOutcome, c.ToldAtUtc != null, c.CreatedAtUtc, c.IdeaOutcomeAtUtc))
                .ToListAsync(cancellationToken);
}
