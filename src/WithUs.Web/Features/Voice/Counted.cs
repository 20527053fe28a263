namespace WithUs.Web.Features.Voice;

/// <summary>
/// A count that reads no more than <see cref="IndexModel.CountLimit"/> + 1 rows, so that it costs what a page shows,
/// not what the organisation holds (issue 9); past the limit it says "more than 1,000", as the list of what people
/// said does.
/// </summary>
/// <param name="AtLeast">The count, or the limit when there were more.</param>
/// <param name="More">There were more than <see cref="AtLeast"/>.</param>
public readonly record struct Counted(int AtLeast, bool More)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<Counted> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken)
    {
        var read = await query.Take(IndexModel.CountLimit + 1).CountAsync(cancellationToken);
        return read > IndexModel.CountLimit ? new Counted(IndexModel.CountLimit, true) : new Counted(read, false);
    }

    public static Counted operator +(Counted a, Counted b) => new(a.AtLeast + b.AtLeast, a.More || b.More);

    public bool IsZero => AtLeast == 0 && !More;

    /// <summary>Whether there are more than the <paramref name="shown"/> a page lists.</summary>
    public bool Exceeds(int shown) => More || AtLeast > shown;

    public override string ToString() => More ? $"more than {AtLeast.ToString("N0", British)}" : AtLeast.ToString("N0", British);
}
