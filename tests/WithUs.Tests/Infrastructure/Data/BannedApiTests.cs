using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace WithUs.Tests.Infrastructure.Data;

/// <summary>
/// Raw SQL and IgnoreQueryFilters cross organisations, so the web project bans them at compile time
/// (Microsoft.CodeAnalysis.BannedApiAnalyzers, RS0030). These tests keep that ban in place.
/// </summary>
public sealed partial class BannedApiTests
{
    private const string AllowedFile = "Infrastructure/Data/TenantBypass.cs";

    /// <summary>The one maker of ids may lift the ban on Guid.CreateVersion7, and nothing else (TimeAndIdsBanTests).</summary>
    private const string IdsFile = "Infrastructure/Ids.cs";

    private static readonly string[] BuildSettingFiles =
        ["Directory.Build.props", ".editorconfig", "src/WithUs.Web/WithUs.Web.csproj", "src/WithUs.Web/.editorconfig"];

    private static string BannedSymbols => RepositoryFiles.Read("src", "WithUs.Web", "BannedSymbols.txt");

    [Theory]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRaw;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSql;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlInterpolated;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQueryRaw``1;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.SqlQuery``1;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalQueryableExtensions.FromSqlRaw``1;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.RelationalQueryableExtensions.FromSql``1;")]
    [InlineData("M:Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters``1;")]
    public void BannedSymbols_ListsEveryWayAroundTheFilters(string symbol) =>
        BannedSymbols.Split('\n').ShouldContain(line => line.StartsWith(symbol, StringComparison.Ordinal));

    [Fact]
    public void WebProject_EnforcesBannedSymbolsWithTheAnalyzer()
    {
        var project = XDocument.Parse(RepositoryFiles.Read("src", "WithUs.Web", "WithUs.Web.csproj"));

        project.Descendants("AdditionalFiles").Select(e => e.Attribute("Include")?.Value).ShouldContain("BannedSymbols.txt");
        project.Descendants("PackageReference").Select(e => e.Attribute("Include")?.Value)
            .ShouldContain("Microsoft.CodeAnalysis.BannedApiAnalyzers");
    }

    [Fact]
    public void Rs0030_IsNotSwitchedOffInBuildSettings()
    {
        var settings = BuildSettingFiles
            .Where(f => File.Exists(Path.Combine(RepositoryFiles.Root, f)))
            .Select(f => (File: f, Text: RepositoryFiles.Read(f)));

        settings.Where(s => s.Text.Contains("RS0030", StringComparison.OrdinalIgnoreCase)).Select(s => s.File).ShouldBeEmpty();
    }

    [Fact]
    public void OnlyTenantBypass_UsesRawSqlOrIgnoresQueryFilters()
    {
        var source = Path.Combine(RepositoryFiles.Root, "src");
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Where(f => !Path.GetRelativePath(RepositoryFiles.WebProject, f).Replace('\\', '/').Equals(AllowedFile, StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(l => Forbidden().IsMatch(l.Line))
            .Where(l => !(IsIdsFile(l.File) && LiftsTheBan().IsMatch(l.Line) && !RawSql().IsMatch(l.Line)))
            .Select(l => $"{Path.GetRelativePath(RepositoryFiles.Root, l.File)}:{l.Number}: {l.Line.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty($"only {AllowedFile} may do this");
    }

    [Fact]
    public void TenantBypass_StillExistsWhereTheBanAllowsIt() =>
        File.Exists(Path.Combine(RepositoryFiles.WebProject, AllowedFile)).ShouldBeTrue();

    private static bool IsIdsFile(string path) =>
        Path.GetRelativePath(RepositoryFiles.WebProject, path).Replace('\\', '/').Equals(IdsFile, StringComparison.Ordinal);

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules");
    }

    [GeneratedRegex(@"#pragma\s+warning\s+disable\s+[^\r\n]*RS0030|SuppressMessage\([^)]*RS0030|ExecuteSql|SqlQuery|FromSql|IgnoreQueryFilters")]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"^\s*#pragma\s+warning\s+disable\s+RS0030\b")]
    private static partial Regex LiftsTheBan();

    [GeneratedRegex("ExecuteSql|SqlQuery|FromSql|IgnoreQueryFilters")]
    private static partial Regex RawSql();
}
