using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// One organisation's sentence vectors in memory, compact enough to compare a text with every one of them on each
/// pause in typing: each vector is kept as <see cref="SentenceModel.Dimensions"/> signed bytes scaled to its largest
/// component (a quarter of the float32 size; the cosine they give is within about 0.01 of the exact one, and
/// <see cref="EmbeddingScorer"/> re-scores the best candidates exactly from the database). Vectors are held in chunks,
/// so that adding one never copies the rest; a removed one leaves a hole until the holes are a quarter of the set.
/// Safe to use from several requests and the embedding job at once (one at a time: a scan of 100,000 takes a few
/// milliseconds).
/// </summary>
public sealed class VectorSet
{
    private const int Dimensions = SentenceModel.Dimensions;
    private const int ChunkSize = 4096;

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, int> slotOf = [];
    private readonly List<sbyte[]> values = [];
    private readonly List<float[]> scales = [];
    private readonly List<Guid[]> ids = [];
    private readonly double[] sum = new double[Dimensions];
    private int used;

    /// <summary>
    /// How many vectors' worth of nothing the mean is shrunk towards: with a handful of contributions, centring would
    /// push any two apart (the mean of two lies between them), so the mean counts fully only once there are many.
    /// </summary>
    public const int MeanShrink = 10;

    /// <summary>Vectors held (holes left by removed ones not counted).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return slotOf.Count;
            }
        }
    }

    /// <summary>Bytes of vector data held, for the jobs page and docs/performance.md.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return (long)values.Count * ChunkSize * (Dimensions + sizeof(float) + 16);
            }
        }
    }

    /// <summary>
    /// What the organisation's contributions have in common: the mean of its vectors, shrunk towards nothing while
    /// there are few (<see cref="MeanShrink"/>). Measured against this, two lines that share only the organisation's
    /// usual subject ("members", "the group") no longer look alike.
    /// </summary>
    public float[] Mean()
    {
        lock (gate)
        {
            var mean = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                mean[d] = (float)(sum[d] / (slotOf.Count + MeanShrink));
            }

            return mean;
        }
    }

    /// <summary>
    /// The cosine of two unit vectors measured from a mean vector rather than from nothing, given their dot
    /// products with each other and with the mean, and the mean's own squared length.
    /// </summary>
    public static double Centred(double dot, double aMean, double bMean, double meanMean)
    {
        var length = (1 - 2 * aMean + meanMean) * (1 - 2 * bMean + meanMean);
        return length <= 0 ? 0 : (dot - aMean - bMean + meanMean) / Math.Sqrt(length);
    }

    /// <summary>Adds a contribution's vector, or replaces the one it had.</summary>
    public void Put(Guid contributionId, ReadOnlySpan<float> vector)
    {
        lock (gate)
        {
            if (slotOf.Remove(contributionId, out var old))
            {
                Forget(old);
            }

            if (used == values.Count * ChunkSize)
            {
                values.Add(new sbyte[ChunkSize * Dimensions]);
                scales.Add(new float[ChunkSize]);
                ids.Add(new Guid[ChunkSize]);
            }

            var slot = used++;
            var (chunk, at) = (slot / ChunkSize, slot % ChunkSize);
            scales[chunk][at] = Quantise(vector, values[chunk].AsSpan(at * Dimensions, Dimensions));
            ids[chunk][at] = contributionId;
            slotOf[contributionId] = slot;
            AddToSum(slot, 1);
        }
    }

    public void Remove(Guid contributionId)
    {
        lock (gate)
        {
            if (!slotOf.Remove(contributionId, out var slot))
            {
                return;
            }

            Forget(slot);
            if (used - slotOf.Count > Math.Max(ChunkSize, used / 4))
            {
                Compact();
            }
        }
    }

    /// <summary>
    /// The <paramref name="take"/> contributions whose vectors are closest to <paramref name="query"/> (a unit
    /// vector), by approximate cosine, best first, leaving out any at or below <paramref name="floor"/>; measured from
    /// <paramref name="mean"/> (see <see cref="Mean"/>) when one is given.
    /// </summary>
    // Compiled fully optimised from the first call: left to tiered compilation, this loop ran as unoptimised code for
    // minutes on a busy machine (a thousand times slower: measured in docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<(Guid ContributionId, double Cosine)> Nearest(ReadOnlySpan<float> query, int take, double floor,
        float[]? mean = null)
    {
        Span<sbyte> q = stackalloc sbyte[Dimensions];
        Span<sbyte> m = stackalloc sbyte[Dimensions];
        var queryScale = Quantise(query, q);
        var meanScale = mean is null ? 0 : Quantise(mean, m);
        var queryMean = mean is null ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(query, mean);
        var meanMean = mean is null ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(mean, mean);
        var best = new PriorityQueue<(Guid Id, double Cosine), double>(take + 1);
        lock (gate)
        {
            for (var slot = 0; slot < used; slot++)
            {
                var (chunk, at) = (slot / ChunkSize, slot % ChunkSize);
                var id = ids[chunk][at];
                if (id == Guid.Empty)
                {
                    continue;
                }

                var stored = values[chunk].AsSpan(at * Dimensions, Dimensions);
                double cosine;
                if (mean is null)
                {
                    cosine = Dot(q, stored) * queryScale * scales[chunk][at];
                }
                else
                {
                    var (withQuery, withMean) = Dots(q, m, stored);
                    cosine = Centred(withQuery * queryScale * scales[chunk][at], queryMean, withMean * meanScale * scales[chunk][at], meanMean);
                }

                if (cosine <= floor || (best.Count == take && best.TryPeek(out _, out var worst) && cosine <= worst))
                {
                    continue;
                }

                best.Enqueue((id, cosine), cosine);
                if (best.Count > take)
                {
                    best.Dequeue();
                }
            }
        }

        var found = new List<(Guid, double)>(best.Count);
        while (best.TryDequeue(out var item, out _))
        {
            found.Add(item);
        }

        found.Reverse();
        return found;
    }

    /// <summary>Writes <paramref name="vector"/> as bytes scaled so its largest component is ±127; returns the factor
    /// that turns a byte dot product back into a float one.</summary>
    private static float Quantise(ReadOnlySpan<float> vector, Span<sbyte> into)
    {
        var largest = System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(vector);
        var largestMagnitude = Math.Abs(largest);
        if (largestMagnitude == 0)
        {
            into.Clear();
            return 0;
        }

        var factor = 127f / largestMagnitude;
        for (var i = 0; i < vector.Length; i++)
        {
            into[i] = (sbyte)MathF.Round(vector[i] * factor);
        }

        return 1f / factor;
    }

    /// <summary>A dot product of two byte vectors, summed in 32-bit integers (each product fits 16 bits: |b| ≤ 127).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var total = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.Create(a[i..]));
                var (bLow, bHigh) = Vector256.Widen(Vector256.Create(b[i..]));
                var (p, q) = Vector256.Widen(aLow * bLow);
                var (r, s) = Vector256.Widen(aHigh * bHigh);
                total += p + q + r + s;
            }

            sum = Vector256.Sum(total);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private void Forget(int slot)
    {
        AddToSum(slot, -1);
        ids[slot / ChunkSize][slot % ChunkSize] = Guid.Empty;
    }

    /// <summary>Adds (or takes away) a stored vector, as stored, so that what is taken away is exactly what was added.</summary>
    private void AddToSum(int slot, int sign)
    {
        var (chunk, at) = (slot / ChunkSize, slot % ChunkSize);
        var stored = values[chunk].AsSpan(at * Dimensions, Dimensions);
        var scale = sign * (double)scales[chunk][at];
        for (var d = 0; d < Dimensions; d++)
        {
            sum[d] += stored[d] * scale;
        }
    }

    /// <summary>Two dot products of one stored vector at once (with the text and with the mean), reading it once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int WithA, int WithB) Dots(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b, ReadOnlySpan<sbyte> stored)
    {
        var i = 0;
        var (sumA, sumB) = (0, 0);
        if (Vector256.IsHardwareAccelerated)
        {
            var (totalA, totalB) = (Vector256<int>.Zero, Vector256<int>.Zero);
            for (; i <= stored.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(stored[i..]));
                var (aLow, aHigh) = Vector256.Widen(Vector256.Create(a[i..]));
                var (bLow, bHigh) = Vector256.Widen(Vector256.Create(b[i..]));
                var (p, q) = Vector256.Widen(aLow * low);
                var (r, t) = Vector256.Widen(aHigh * high);
                totalA += p + q + r + t;
                (p, q) = Vector256.Widen(bLow * low);
                (r, t) = Vector256.Widen(bHigh * high);
                totalB += p + q + r + t;
            }

            (sumA, sumB) = (Vector256.Sum(totalA), Vector256.Sum(totalB));
        }

        for (; i < stored.Length; i++)
        {
            sumA += a[i] * stored[i];
            sumB += b[i] * stored[i];
        }

        return (sumA, sumB);
    }

    private void Compact()
    {
        var live = slotOf.OrderBy(s => s.Value).ToList();
        var newValues = new List<sbyte[]>();
        var newScales = new List<float[]>();
        var newIds = new List<Guid[]>();
        slotOf.Clear();
        var next = 0;
        foreach (var (id, slot) in live)
        {
            if (next == newValues.Count * ChunkSize)
            {
                newValues.Add(new sbyte[ChunkSize * Dimensions]);
                newScales.Add(new float[ChunkSize]);
                newIds.Add(new Guid[ChunkSize]);
            }

            var (from, fromAt) = (slot / ChunkSize, slot % ChunkSize);
            var (to, toAt) = (next / ChunkSize, next % ChunkSize);
            values[from].AsSpan(fromAt * Dimensions, Dimensions).CopyTo(newValues[to].AsSpan(toAt * Dimensions, Dimensions));
            newScales[to][toAt] = scales[from][fromAt];
            newIds[to][toAt] = id;
            slotOf[id] = next++;
        }

        values.Clear();
        values.AddRange(newValues);
        scales.Clear();
        scales.AddRange(newScales);
        ids.Clear();
        ids.AddRange(newIds);
        used = next;
    }
}
