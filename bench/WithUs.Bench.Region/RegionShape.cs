namespace WithUs.Bench.Region;

/// <summary>
/// How many contributions each organisation of the region holds: one large organisation (the one the pages are
/// measured in) and the rest in a long tail, a few with tens of thousands and most with a few hundred, as a network
/// of big charities and small community groups would be.
/// </summary>
public static class RegionShape
{
    public static IReadOnlyList<int> Sizes(int organisations, int total, int largest)
    {
        if (organisations < 1 || largest > total)
        {
            throw new ArgumentException("Need at least one organisation, and the largest cannot hold more than the whole region.");
        }

        var rest = organisations - 1;
        var sizes = new List<int>(organisations) { largest };
        if (rest == 0)
        {
            return sizes;
        }

        // Rank-size (Zipf-like) with exponent 0.8: a few with tens of thousands, most with a few hundred. None may come
        // near the largest (at most 60% of it): what is over is shared among the others in the same proportions.
        var weights = Enumerable.Range(1, rest).Select(r => 1 / Math.Pow(r, 0.8)).ToArray();
        var cap = Math.Max(1, largest * 6 / 10);
        var remaining = total - largest;
        var shares = new int[rest];
        var capped = new bool[rest];
        while (true)
        {
            var free = remaining - (capped.Count(c => c) * cap);
            var sum = weights.Where((_, i) => !capped[i]).Sum();
            var over = false;
            for (var i = 0; i < rest; i++)
            {
                shares[i] = capped[i] ? cap : Math.Max(1, (int)(free * weights[i] / sum));
                if (!capped[i] && shares[i] > cap)
                {
                    capped[i] = over = true;
                }
            }

            if (!over)
            {
                break;
            }
        }

        // Rounding leaves a few short: they go to the smallest.
        shares[^1] += remaining - shares.Sum();
        sizes.AddRange(shares);
        return sizes;
    }
}
