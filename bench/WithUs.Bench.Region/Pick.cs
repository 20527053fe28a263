namespace WithUs.Bench.Region;

/// <summary>What the generators share: a weighted choice, and the later of two moments.</summary>
internal static class Pick
{
    /// <summary>An index into <paramref name="weights"/>, each as likely as its weight.</summary>
    public static int Weighted(this Random random, int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    public static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
