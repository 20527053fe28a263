namespace WithUs.Web.Features.People;

/// <summary>
/// Counts about people that are safe to show: any count from 1 to 4 is shown only as "fewer than 5", and when a set
/// of counts that adds up to a known total would hide just one of them (which the total would give away), the next
/// smallest is hidden with it. Nothing at all is shown for fewer than <see cref="Threshold"/> people.
/// </summary>
public static class SmallNumbers
{
    public const int Threshold = 5;

    /// <summary>Each count, or null where it must be shown as "fewer than 5".</summary>
    public static IReadOnlyList<int?> Suppress(IReadOnlyList<int> counts)
    {
        var shown = counts.Select(c => c is > 0 and < Threshold ? (int?)null : c).ToList();
        if (shown.Count(c => c is null) == 1)
        {
            var next = Enumerable.Range(0, counts.Count)
                .Where(i => shown[i] is > 0)
                .OrderBy(i => counts[i])
                .Cast<int?>()
                .FirstOrDefault();
            if (next is { } i)
            {
                shown[i] = null;
            }
        }

        return shown;
    }

    public static string Words(int? count) => count is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "Fewer than 5";
}
