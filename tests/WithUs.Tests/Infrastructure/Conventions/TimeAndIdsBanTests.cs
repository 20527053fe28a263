using System.Text.RegularExpressions;
using System.Xml.Linq;
using WithUs.Web.Infrastructure;

namespace WithUs.Tests.Infrastructure.Conventions;

/// <summary>
/// Time comes from the injected TimeProvider (so tests can move it) and ids from Ids.New(): the build bans the other
/// ways (RS0030, src/WithUs.Web/BannedSymbols.txt, which the benchmarks share). These tests keep that ban in place.
/// </summary>
public sealed partial class TimeAndIdsBanTests
{
    private static string BannedSymbols => RepositoryFiles.Read("src", "WithUs.Web", "BannedSymbols.txt");

    [Theory]
    [InlineData("P:System.DateTime.Now;")]
    [InlineData("P:System.DateTime.UtcNow;")]
    [InlineData("P:System.DateTime.Today;")]
    [InlineData("P:System.DateTimeOffset.Now;")]
    [InlineData("P:System.DateTimeOffset.UtcNow;")]
    [InlineData("M:System.Guid.NewGuid;")]
    [InlineData("M:System.Guid.CreateVersion7;")]
    [InlineData("M:System.Guid.CreateVersion7(System.DateTimeOffset);")]
    public void BannedSymbols_ListsEveryOtherClockAndIdMaker(string symbol) =>
        BannedSymbols.Split('\n').ShouldContain(line => line.StartsWith(symbol, StringComparison.Ordinal));

    [Theory]
    [InlineData("bench/WithUs.Bench/WithUs.Bench.csproj")]
    [InlineData("bench/WithUs.Bench.Import/WithUs.Bench.Import.csproj")]
    public void Benchmarks_EnforceTheWebProjectsBannedSymbols(string project)
    {
        var xml = XDocument.Parse(RepositoryFiles.Read(project));

        xml.Descendants("PackageReference").Select(e => e.Attribute("Include")?.Value)
            .ShouldContain("Microsoft.CodeAnalysis.BannedApiAnalyzers");
        xml.Descendants("AdditionalFiles").Select(e => e.Attribute("Include")?.Value)
            .ShouldContain("../../src/WithUs.Web/BannedSymbols.txt");
    }

    /// <summary>
    /// The analyser cannot tell the registered system clock from one handed round by hand: only the composition root
    /// may name TimeProvider.System, so every other reader of time gets the one tests replace.
    /// </summary>
    [Fact]
    public void OnlyTheCompositionRoot_NamesTheSystemClock()
    {
        var offenders = SourceLines(Path.Combine(RepositoryFiles.Root, "src"))
            .Where(l => SystemClock().IsMatch(l.Line))
            .Where(l => !l.File.EndsWith("Infrastructure/WithUsServices.cs", StringComparison.Ordinal))
            .Select(l => $"{l.File}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty("inject TimeProvider (or OrganisationClock for days) instead");
    }

    [Fact]
    public void Ids_AreVersion7AndUnique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Ids.New()).ToList();

        ids.ShouldAllBe(id => id.Version == 7);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Ids_MadeLater_SortAfterEarlierOnes_EvenWhenTheAppClockStandsStill()
    {
        var first = Ids.New();
        await Task.Delay(5);
        var second = Ids.New();

        first.CompareTo(second).ShouldBeLessThan(0);
        string.CompareOrdinal(first.ToString(), second.ToString()).ShouldBeLessThan(0, "both databases order ids as text or bytes");
    }

    private static IEnumerable<(string File, int Number, string Line)> SourceLines(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) =>
                (Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'), i + 1, line)));

    [GeneratedRegex(@"TimeProvider\s*\.\s*System\b")]
    private static partial Regex SystemClock();
}
