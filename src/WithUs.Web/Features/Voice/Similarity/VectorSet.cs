using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// One organisation's sentence vectors in memory, compact enough to compare a text with every one of them on each
/// pause in typing: each vector is kept as <see cref="SentenceModel.Dimensions"/> signed bytes scaled to its largest
/// component (a quarter of the float32 size; the cosine they give is within about 0.01 of the exact one, and
/// <see cref="EmbeddingScorer"/> re-scores the best candidates exactly from the database). Vectors are held in chunks,
/// so that adding one never copies the rest; a removed one leaves a hole until the holes are a quarter of the set.
/// Safe to use from several requests and the embedding job at once: searches scan together, a change waits for them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "A set replaced by a fresh load may still be read by searches under way, so nothing can know when to dispose its lock; the lock makes its wait handles only under contention, and their finalizers release them.")]
public sealed class VectorSet
{
    private const int Dimensions = SentenceModel.Dimensions;
    private const int ChunkSize = 4096;

    // Searches read together (two cores scan at once); adding and removing wait for them, and new searches wait for
    // a change that is waiting.
    private readonly ReaderWriterLockSlim gate = new();
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
            using (Reading())
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
            using (Reading())
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
        using (Reading())
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
        using (Writing())
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
        using (Writing())
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
        Span<sbyte> bytes = stackalloc sbyte[Dimensions];
        Span<short> q = stackalloc short[Dimensions];
        Span<short> m = stackalloc short[Dimensions];
        var queryScale = Quantise(query, bytes);
        Widen(bytes, q);
        var meanScale = 0f;
        if (mean is not null)
        {
            meanScale = Quantise(mean, bytes);
            Widen(bytes, m);
        }
        var queryMean = mean is null ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(query, mean);
        var meanMean = mean is null ? 0 : System.Numerics.Tensors.TensorPrimitives.Dot(mean, mean);
        var best = new PriorityQueue<(Guid Id, double Cosine), double>(take + 1);
        using (Reading())
        {
            // Anything at or below the bar is left out: the floor, then, once `take` are held, the worst of them.
            var bar = floor;
            for (var chunk = 0; chunk * ChunkSize < used; chunk++)
            {
                var (chunkValues, chunkScales, chunkIds) = (values[chunk], scales[chunk], ids[chunk]);
                var count = Math.Min(ChunkSize, used - chunk * ChunkSize);
                for (var at = 0; at < count; at++)
                {
                    var stored = chunkValues.AsSpan(at * Dimensions, Dimensions);
                    var scale = chunkScales[at];
                    double cosine;
                    if (mean is null)
                    {
                        cosine = Dot(q, stored) * queryScale * scale;
                    }
                    else
                    {
                        var (withQuery, withMean) = Dots(q, m, stored);
                        var (dot, storedMean) = (withQuery * queryScale * scale, withMean * meanScale * scale);
                        // The centred cosine's sign is its numerator's: most vectors point away, and need no root.
                        if (bar >= 0 && dot - queryMean - storedMean + meanMean <= 0)
                        {
                            continue;
                        }

                        cosine = Centred(dot, queryMean, storedMean, meanMean);
                    }

                    if (cosine <= bar || chunkIds[at] == Guid.Empty)
                    {
                        continue;
                    }

                    best.Enqueue((chunkIds[at], cosine), cosine);
                    if (best.Count > take)
                    {
                        best.Dequeue();
                    }

                    if (best.Count == take && best.TryPeek(out _, out var worst))
                    {
                        bar = Math.Max(floor, worst);
                    }
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

    /// <summary>
    /// The dot product of a text's bytes, widened to 16 bits once per search (<see cref="Widen"/>), with a stored
    /// vector's bytes, summed in 32-bit integers (each product fits 16 bits: both are within ±127).
    /// </summary>
    internal static int Dot(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> stored) => Dots(query, query, stored).WithA;

    /// <summary>
    /// Two dot products of one stored vector at once (with the text and with the mean), reading it once. On x86 each
    /// 16 bytes of the stored vector are widened by one instruction and multiplied and pairwise added by one more
    /// (vpmaddwd) per product; elsewhere <see cref="DotsPortable"/> gives the same sums.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int WithA, int WithB) Dots(ReadOnlySpan<short> a, ReadOnlySpan<short> b, ReadOnlySpan<sbyte> stored)
    {
        if (!Avx2.IsSupported)
        {
            return DotsPortable(a, b, stored);
        }

        var i = 0;
        var (totalA, totalB) = (Vector256<int>.Zero, Vector256<int>.Zero);
        ref var s = ref MemoryMarshal.GetReference(stored);
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        for (; i <= stored.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
        {
            var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref s, (nuint)i));
            totalA = Avx2.Add(totalA, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref x, (nuint)i)));
            totalB = Avx2.Add(totalB, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref y, (nuint)i)));
        }

        var (sumA, sumB) = (Vector256.Sum(totalA), Vector256.Sum(totalB));
        for (; i < stored.Length; i++)
        {
            sumA += a[i] * stored[i];
            sumB += b[i] * stored[i];
        }

        return (sumA, sumB);
    }

    /// <summary><see cref="Dots"/> with the portable vector API (ARM and any machine without AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int WithA, int WithB) DotsPortable(ReadOnlySpan<short> a, ReadOnlySpan<short> b, ReadOnlySpan<sbyte> stored)
    {
        var i = 0;
        var (sumA, sumB) = (0, 0);
        if (Vector128.IsHardwareAccelerated)
        {
            var (totalA, totalB) = (Vector128<int>.Zero, Vector128<int>.Zero);
            for (; i <= stored.Length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (low, high) = Vector128.Widen(Vector128.Create(stored[i..]));
                var (aLow, aHigh) = (Vector128.Create(a[i..]), Vector128.Create(a[(i + Vector128<short>.Count)..]));
                var (bLow, bHigh) = (Vector128.Create(b[i..]), Vector128.Create(b[(i + Vector128<short>.Count)..]));
                var (p, q) = Vector128.Widen(aLow * low);
                var (r, t) = Vector128.Widen(aHigh * high);
                totalA += p + q + r + t;
                (p, q) = Vector128.Widen(bLow * low);
                (r, t) = Vector128.Widen(bHigh * high);
                totalB += p + q + r + t;
            }

            (sumA, sumB) = (Vector128.Sum(totalA), Vector128.Sum(totalB));
        }

        for (; i < stored.Length; i++)
        {
            sumA += a[i] * stored[i];
            sumB += b[i] * stored[i];
        }

        return (sumA, sumB);
    }

    /// <summary>A quantised text or mean widened to 16 bits, as <see cref="Dots"/> reads it.</summary>
    internal static void Widen(ReadOnlySpan<sbyte> bytes, Span<short> into)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            into[i] = bytes[i];
        }
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

    private Held Reading()
    {
        gate.EnterReadLock();
        return new Held(gate, writing: false);
    }

    private Held Writing()
    {
        gate.EnterWriteLock();
        return new Held(gate, writing: true);
    }

    private readonly ref struct Held(ReaderWriterLockSlim gate, bool writing)
    {
        public void Dispose()
        {
            if (writing)
            {
                gate.ExitWriteLock();
            }
            else
            {
                gate.ExitReadLock();
            }
        }
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
