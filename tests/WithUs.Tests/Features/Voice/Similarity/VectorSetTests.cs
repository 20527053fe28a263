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
    public void Dot_OfBytes_IsTheSameWithAndWithoutVectorInstructions(int length)
    {
        var random = new Random(length);
        var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
        var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();

        VectorSet.Dot(a, b).ShouldBe(a.Zip(b, (x, y) => x * y).Sum());
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
