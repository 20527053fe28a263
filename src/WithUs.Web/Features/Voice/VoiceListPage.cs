namespace WithUs.Web.Features.Voice;

/// <summary>
/// One page of the list of what people said, found by seeking from a row's sort key (keyset paging): newest first, or,
/// for a search by words, best match first (the words together as typed, then the shortest text, then newest). Each
/// page reads the rows it shows and one more, wherever it is in the list.
/// </summary>
/// <remarks>
/// Every order ends with the id, so it is total and a row is never skipped or shown twice between pages. The seek
/// conditions start with the first sort column bounded on its own (SaidOnUtc &lt;= …), which the list index
/// (OrganisationId, SaidOnUtc, CreatedAtUtc, Id) answers as a range on both databases.
/// </remarks>
internal sealed class VoiceListPage(IQueryable<Contribution> query, string? phrase, int size)
{
    /// <summary>The words as typed, lower-cased, when the list is a search by words; empty otherwise.</summary>
    private readonly string phrase = phrase ?? "";

    private bool Ranked => phrase.Length > 0;

    public IReadOnlyList<VoiceListRow> Rows { get; private set; } = [];

    public string? PreviousKey { get; private set; }

    public string? NextKey { get; private set; }

    /// <summary>The page after <paramref name="after"/>, else the one before <paramref name="before"/>, else the first.</summary>
    public async Task LoadAsync(VoiceListKey? after, VoiceListKey? before, CancellationToken cancellationToken)
    {
        if (after is null && before is not null)
        {
            var earlier = await ReadAsync(Backward(before), cancellationToken);
            if (earlier.Count > size)
            {
                Rows = earlier.Take(size).Reverse().ToList();
                PreviousKey = Rows[0].Key.Encode();
                NextKey = Rows[^1].Key.Encode();
                return;
            }

            // Fewer than a page before it: that is the first page, shown whole.
            after = null;
        }

        var rows = await ReadAsync(after is null ? Forward() : Forward(after), cancellationToken);
        if (rows.Count == 0 && after is not null)
        {
            // Nothing after it (a link to rows since deleted, or made up): the first page rather than an empty one.
            after = null;
            rows = await ReadAsync(Forward(), cancellationToken);
        }

        Rows = rows.Take(size).ToList();
        PreviousKey = after is not null && Rows.Count > 0 ? Rows[0].Key.Encode() : null;
        NextKey = rows.Count > size ? Rows[^1].Key.Encode() : null;
    }

    private Task<List<VoiceListRow>> ReadAsync(IQueryable<Contribution> ordered, CancellationToken cancellationToken) =>
        ordered
            .Take(size + 1)
            .Select(c => new VoiceListRow(
                c.Id,
                c.Text,
                c.Kind,
                c.Channel,
                c.SaidOnUtc,
                c.CreatedAtUtc,
                c.TermCount,
#pragma warning disable CA1862 // lower() in SQL, as the order uses it.
                c.Text.ToLower().Contains(phrase),
#pragma warning restore CA1862
                c.Person != null ? c.Person.Name : null,
                c.PersonId,
                c.LinkedToId,
                c.LinkedToId == null ? c.Outcome : c.LinkedTo!.Outcome))
            .ToListAsync(cancellationToken);

#pragma warning disable CA1862 // lower() in SQL on both databases; the StringComparison overload is not translated.
    private IQueryable<Contribution> Forward() => Ranked
        ? query.OrderBy(c => c.Text.ToLower().Contains(phrase) ? 0 : 1).ThenBy(c => c.TermCount)
            .ThenByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
        : query.OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id);

    private IQueryable<Contribution> Forward(VoiceListKey key)
    {
        var (rank, terms, said, created, id) = (key.Exact ? 0 : 1, key.TermCount, key.SaidOnUtc, key.CreatedAtUtc, key.Id);
        var seek = Ranked
            ? query.Where(c => (c.Text.ToLower().Contains(phrase) ? 0 : 1) > rank
                || ((c.Text.ToLower().Contains(phrase) ? 0 : 1) == rank
                    && (c.TermCount > terms
                        || (c.TermCount == terms && (c.SaidOnUtc < said
                            || (c.SaidOnUtc == said && (c.CreatedAtUtc < created || (c.CreatedAtUtc == created && c.Id.CompareTo(id) < 0))))))))
            : query.Where(c => c.SaidOnUtc <= said
                && (c.SaidOnUtc < said || c.CreatedAtUtc < created || (c.CreatedAtUtc == created && c.Id.CompareTo(id) < 0)));
        return new VoiceListPage(seek, phrase, size).Forward();
    }

    /// <summary>The rows before the key, nearest first (the page's order reversed).</summary>
    private IQueryable<Contribution> Backward(VoiceListKey key)
    {
        var (rank, terms, said, created, id) = (key.Exact ? 0 : 1, key.TermCount, key.SaidOnUtc, key.CreatedAtUtc, key.Id);
        return Ranked
            ? query.Where(c => (c.Text.ToLower().Contains(phrase) ? 0 : 1) < rank
                    || ((c.Text.ToLower().Contains(phrase) ? 0 : 1) == rank
                        && (c.TermCount < terms
                            || (c.TermCount == terms && (c.SaidOnUtc > said
                                || (c.SaidOnUtc == said && (c.CreatedAtUtc > created || (c.CreatedAtUtc == created && c.Id.CompareTo(id) > 0))))))))
                .OrderByDescending(c => c.Text.ToLower().Contains(phrase) ? 0 : 1).ThenByDescending(c => c.TermCount)
                .ThenBy(c => c.SaidOnUtc).ThenBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            : query.Where(c => c.SaidOnUtc >= said
                    && (c.SaidOnUtc > said || c.CreatedAtUtc > created || (c.CreatedAtUtc == created && c.Id.CompareTo(id) > 0)))
                .OrderBy(c => c.SaidOnUtc).ThenBy(c => c.CreatedAtUtc).ThenBy(c => c.Id);
    }
#pragma warning restore CA1862
}
