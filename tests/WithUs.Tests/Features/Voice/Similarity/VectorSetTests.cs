using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Tests.Features.Voice.Similarity;

/// <summary>
/// The in-memory vectors are kept as bytes to be four times smaller: the closest ones must still be the closest, and
/// every cosine must stay within a hair of the exact one, after vectors are added, replaced and removed.
/// </summary>
public sealed class VectorSetTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(384)]
    [InlineData(390)]
    public void Dots_AreTheSameWithAndWithoutVectorInstructions(int length)
    {
        var random = new Random(length);
        short[] Text() => Enumerable.Range(0, length).Select(_ => (short)random.Next(-127, 128)).ToArray();
        var (a, c) = (Text(), Text());
        var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var expected = (a.Zip(b, (x, y) => x * y).Sum(), c.Zip(b, (x, y) => x * y).Sum());

        VectorSet.Dot(a, b).ShouldBe(expected.Item1);
        VectorSet.Dots(a, c, b).ShouldBe(expected);
        VectorSet.DotsPortable(a, c, b).ShouldBe(expected);
    }

    [Fact]
    public void Dots_AtTheLargestBytes_DoNotOverflow()
    {
        var full = Enumerable.Repeat((short)-127, SentenceModel.Dimensions).ToArray();
        var stored = Enumerable.Repeat((sbyte)-127, SentenceModel.Dimensions).ToArray();

        VectorSet.Dots(full, full, stored).ShouldBe((127 * 127 * SentenceModel.Dimensions, 127 * 127 * SentenceModel.Dimensions));
        VectorSet.DotsPortable(full, full, stored).ShouldBe((127 * 127 * SentenceModel.Dimensions, 127 * 127 * SentenceModel.Dimensions));
    }

    [Fact]
    public void Nearest_FindsTheSameVectorsAsExactCosines_WithinAHundredth()
    {
        var random = new Random(20261126);
        var set = new VectorSet();
        var stored = new Dictionary<Guid, float[]>();
        var query = UnitVector(random);
        for (var i = 0; i < 3000; i++)
        {
            // Some close to the query, as a real organisation's near-duplicates would be.
            var vector = i % 100 == 0 ? Near(query, random, 0.3f) : UnitVector(random);
            var id = Guid.CreateVersion7();
            stored[id] = vector;
            set.Put(id, vector);
        }

        var found = set.Nearest(query, 20, floor: -1);

        var exact = stored.Select(s => (Id: s.Key, Cosine: SentenceModel.Cosine(query, s.Value))).OrderByDescending(s => s.Cosine).ToList();
        found.Count.ShouldBe(20);
        found.Select(f => f.Cosine).ShouldBeInOrder(SortDirection.Descending);
        foreach (var (id, cosine) in found)
        {
            cosine.ShouldBe(SentenceModel.Cosine(query, stored[id]), 0.01);
        }

        // The clear winners (the near-duplicates) are all there, whatever rounding does to the close calls behind them.
        found.Take(10).Select(f => f.ContributionId).ShouldBe(exact.Take(10).Select(e => e.Id), ignoreOrder: true);
        set.Nearest(query, 20, floor: 0.5).ShouldAllBe(f => f.Cosine > 0.5);
    }

    [Fact]
    public void MeasuredFromTheMean_CosinesAreThoseOfTheCentredVectors_AndTheMeanFollowsRemovals()
    {
        var random = new Random(11);
        var shared = UnitVector(random);
        var set = new VectorSet();
        var stored = new Dictionary<Guid, float[]>();
        for (var i = 0; i < 500; i++)
        {
            // Every vector leans the same way, as an organisation's lines share its subject.
            var vector = Near(shared, random, 0.7f);
            var id = Guid.CreateVersion7();
            stored[id] = vector;
            set.Put(id, vector);
        }

        foreach (var id in stored.Keys.Take(100).ToList())
        {
            set.Remove(id);
            stored.Remove(id);
        }

        var mean = set.Mean();
        var expectedMean = Enumerable.Range(0, SentenceModel.Dimensions)
            .Select(d => stored.Values.Sum(v => v[d]) / (stored.Count + VectorSet.MeanShrink)).ToArray();
        for (var d = 0; d < mean.Length; d++)
        {
            mean[d].ShouldBe(expectedMean[d], 0.001);
        }

        var query = Near(shared, random, 0.7f);
        var found = set.Nearest(query, 10, floor: -1, mean);
        var exact = stored.ToDictionary(s => s.Key, s => CentredCosine(query, s.Value, mean));
        foreach (var (id, cosine) in found)
        {
            cosine.ShouldBe(exact[id], 0.02);
            VectorSet.Centred(SentenceModel.Cosine(query, stored[id]), SentenceModel.Cosine(query, mean), SentenceModel.Cosine(stored[id], mean),
                SentenceModel.Cosine(mean, mean)).ShouldBe(exact[id], 1e-5);
        }

        found[0].ContributionId.ShouldBe(exact.MaxBy(e => e.Value).Key);
        // Measured from nothing, every one of them looks alike; from the mean, they do not.
        set.Nearest(query, 10, floor: -1).ShouldAllBe(f => f.Cosine > 0.5);
        found.ShouldAllBe(f => f.Cosine < 0.5);
    }

    [Fact]
    public void PutAgain_ReplacesTheVector_AndRemove_ForgetsIt_EvenAcrossCompaction()
    {
        var random = new Random(7);
        var set = new VectorSet();
        var ids = Enumerable.Range(0, 10_000).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in ids)
        {
            set.Put(id, UnitVector(random));
        }

        var target = UnitVector(random);
        set.Put(ids[42], target);
        set.Nearest(target, 1, floor: 0.9).ShouldHaveSingleItem().ContributionId.ShouldBe(ids[42]);
        set.Count.ShouldBe(10_000);

        // Removing most of them compacts the set (more than a quarter are holes); what is left must still be found.
        foreach (var id in ids.Where((_, i) => i != 42 && i % 10 != 0))
        {
            set.Remove(id);
        }

        set.Count.ShouldBe(1001);
        set.Nearest(target, 1, floor: 0.9).ShouldHaveSingleItem().ContributionId.ShouldBe(ids[42]);
        set.Remove(ids[42]);
        set.Nearest(target, 5, floor: 0.9).ShouldBeEmpty();
        set.Count.ShouldBe(1000);
    }

    private static double CentredCosine(float[] a, float[] b, float[] mean)
    {
        var (x, y) = (a.Zip(mean, (v, m) => v - m).ToArray(), b.Zip(mean, (v, m) => v - m).ToArray());
        return SentenceModel.Cosine(x, y) / Math.Sqrt(SentenceModel.Cosine(x, x) * SentenceModel.Cosine(y, y));
    }

    private static float[] UnitVector(Random random)
    {
        var vector = Enumerable.Range(0, SentenceModel.Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return Normalised(vector);
    }

    private static float[] Near(float[] to, Random random, float noise)
    {
        var vector = to.Select(x => x + noise * (float)(random.NextDouble() * 2 - 1) / 10).ToArray();
        return Normalised(vector);
    }

    private static float[] Normalised(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / length).ToArray();
    }
}
