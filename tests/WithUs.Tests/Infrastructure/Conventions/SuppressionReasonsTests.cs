using System.Text.RegularExpressions;

namespace WithUs.Tests.Infrastructure.Conventions;

/// <summary>Every warning the build is told to ignore says why, where it is ignored.</summary>
public sealed partial class SuppressionReasonsTests
{
    private static readonly string[] SourceFolders = ["src", "tests", "bench"];

    [Fact]
    public void EveryPragmaThatDisablesAWarning_SaysWhyOnItsLineOrTheLineAbove()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles("*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (PragmaDisable().IsMatch(lines[i])
                    && !lines[i].Contains("//", StringComparison.Ordinal)
                    && !(i > 0 && lines[i - 1].TrimStart().StartsWith("//", StringComparison.Ordinal)))
                {
                    offenders.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void EverySuppressMessage_HasAJustification()
    {
        var offenders = SourceFiles("*.cs")
            .SelectMany(f => SuppressMessage().Matches(File.ReadAllText(f)).Select(m => (File: f, Attribute: m.Value)))
            .Where(s => !s.Attribute.Contains("Justification", StringComparison.Ordinal))
            .Select(s => $"{Relative(s.File)}: {s.Attribute}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    /// <summary>NoWarn, WarningsNotAsErrors and NuGetAudit=false in any props or project file follow an XML comment.</summary>
    [Fact]
    public void EveryMsBuildSuppression_FollowsACommentThatSaysWhy()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.Root, "*.props")
            .Concat(SourceFiles("*.csproj"))
            .Concat(SourceFiles("*.props"));
        var offenders = new List<string>();
        foreach (var file in files.Distinct())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (MsBuildSuppression().IsMatch(lines[i])
                    && !lines[i].Contains("<!--", StringComparison.Ordinal)
                    && !(i > 0 && lines[i - 1].TrimEnd().EndsWith("-->", StringComparison.Ordinal)))
                {
                    offenders.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        offenders.ShouldBeEmpty();
    }

    /// <summary>An analyser rule turned down to none, silent or suggestion sits under a comment (one may serve a group).</summary>
    [Fact]
    public void EveryRuleTurnedDownInEditorConfig_SitsUnderAComment()
    {
        var files = Directory.EnumerateFiles(RepositoryFiles.Root, ".editorconfig", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f));
        var offenders = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!TurnedDown().IsMatch(lines[i]))
                {
                    continue;
                }

                var above = i - 1;
                while (above >= 0 && Diagnostic().IsMatch(lines[above]))
                {
                    above--;
                }

                if (above < 0 || !lines[above].TrimStart().StartsWith('#'))
                {
                    offenders.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void TheChecksFindWhatTheyLookFor()
    {
        PragmaDisable().IsMatch("#pragma warning disable CA1862").ShouldBeTrue();
        SuppressMessage().Match("[" + "SuppressMessage(\"Design\", \"CA1001\")]\nclass C;").Value.ShouldNotBeEmpty();
        MsBuildSuppression().IsMatch("    <NuGetAudit>false</NuGetAudit>").ShouldBeTrue();
        MsBuildSuppression().IsMatch("    <NoWarn>$(NoWarn);CS1591</NoWarn>").ShouldBeTrue();
        TurnedDown().IsMatch("dotnet_diagnostic.CA1812.severity = none").ShouldBeTrue();
        TurnedDown().IsMatch("dotnet_diagnostic.IDE0005.severity = warning").ShouldBeFalse();
    }

    private static IEnumerable<string> SourceFiles(string pattern) =>
        SourceFolders.Select(f => Path.Combine(RepositoryFiles.Root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, pattern, SearchOption.AllDirectories))
            .Where(f => !IsBuildOutput(f));

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" or "node_modules");

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path);

    [GeneratedRegex(@"^\s*#pragma\s+warning\s+disable\b")]
    private static partial Regex PragmaDisable();

    [GeneratedRegex(@"\[\s*(?:assembly:\s*)?(?:System\.Diagnostics\.CodeAnalysis\.)?SuppressMessage(?:Attribute)?\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex SuppressMessage();

    [GeneratedRegex(@"<(NoWarn|WarningsNotAsErrors)>|<NuGetAudit>\s*false", RegexOptions.IgnoreCase)]
    private static partial Regex MsBuildSuppression();

    [GeneratedRegex(@"^\s*dotnet_diagnostic\.[^.]+\.severity\s*=\s*(none|silent|suggestion)\b")]
    private static partial Regex TurnedDown();

    [GeneratedRegex(@"^\s*dotnet_diagnostic\.")]
    private static partial Regex Diagnostic();
}
