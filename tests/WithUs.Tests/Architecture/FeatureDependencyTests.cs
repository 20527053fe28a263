using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace WithUs.Tests.Architecture;

/// <summary>
/// Each feature (a folder and namespace under <c>WithUs.Web.Features</c>) owns its parts. Features may use one another
/// in one direction only, so that a feature can be understood, changed or removed without reading the rest; and
/// Infrastructure uses a feature only where the list below says why.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string FeaturesNamespace = "WithUs.Web.Features.";
    private const string InfrastructureNamespace = "WithUs.Web.Infrastructure";
    private const string Infrastructure = "Infrastructure";

    /// <summary>
    /// Where Infrastructure may use a feature, and why. A new entry needs a reason a reviewer would accept; an entry
    /// that is no longer used must go (a test says so).
    /// </summary>
    private static readonly Dictionary<string, string> InfrastructureMayUse = new(StringComparer.Ordinal)
    {
    };

    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Each compiled Razor view or page, by the path of its .cshtml file.</summary>
    private static readonly Dictionary<Type, string> Views = Web.GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(a => a.Type, a => a.Identifier);

    private static readonly Lazy<PartDependencies> WebParts = new(() => PartDependencies.Read(Web.GetTypes(), PartOf));

    [Fact]
    public void Features_DoNotUseEachOtherInACycle()
    {
        var cycles = WebParts.Value.Cycles(IsFeature);

        cycles.ShouldBeEmpty("features that use each other, round a loop:\n" +
                             string.Join("\n", cycles.Select(c => string.Join(" <-> ", c) + "\n" + WebParts.Value.Describe(c))));
    }

    [Fact]
    public void Infrastructure_UsesFeaturesOnlyWhereAllowed()
    {
        var unexplained = WebParts.Value.Edges
            .Where(e => e.Key.From == Infrastructure && IsFeature(e.Key.To) && !InfrastructureMayUse.ContainsKey(e.Key.To))
            .Select(e => $"{e.Key.To}: {string.Join("; ", e.Value)}")
            .ToList();

        unexplained.ShouldBeEmpty("Infrastructure uses a feature with no reason in InfrastructureMayUse");
    }

    [Fact]
    public void InfrastructureAllowList_HasNoEntryThatIsNoLongerUsed()
    {
        var used = WebParts.Value.Edges.Keys.Where(e => e.From == Infrastructure).Select(e => e.To).ToHashSet();

        InfrastructureMayUse.Keys.Where(k => !used.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public void PartOf_PlacesTypesNestedTypesAndViewsInTheirFeature()
    {
        var page = Views.Single(v => v.Value == "/Features/Voice/Index.cshtml").Key;

        PartOf(typeof(WithUs.Web.Features.Voice.Contribution)).ShouldBe("Features.Voice");
        PartOf(typeof(WithUs.Web.Features.Voice.Import.ImportBatch)).ShouldBe("Features.Voice");
        PartOf(page).ShouldBe("Features.Voice");
        PartOf(page.GetNestedTypes(BindingFlags.NonPublic).First()).ShouldBe("Features.Voice");
        PartOf(typeof(WithUs.Web.Infrastructure.Data.WithUsDbContext)).ShouldBe(Infrastructure);
        PartOf(typeof(Program)).ShouldBeNull();
        PartOf(typeof(string)).ShouldBeNull();
    }

    /// <summary>The detector itself, on a made-up program with a loop that is visible only inside a method body.</summary>
    [Fact]
    public void Detector_ReportsACycle_AndNothingElse()
    {
        var parts = PartDependencies.Read(Synthetic.Types, Synthetic.PartOf);

        parts.Cycles(_ => true).ShouldHaveSingleItem().ShouldBe(["Alpha", "Beta"]);
        parts.Edges.Keys.ShouldBe([("Alpha", "Beta"), ("Beta", "Alpha"), ("Gamma", "Alpha")], ignoreOrder: true);
        parts.Cycles(p => p != "Beta").ShouldBeEmpty();
    }

    private static bool IsFeature(string part) => part.StartsWith("Features.", StringComparison.Ordinal);

    /// <summary>
    /// Features.X for a type or compiled view of the feature folder X (its sub-folders included), Infrastructure for
    /// anything in it, and null for the rest (the composition root, the framework).
    /// </summary>
    private static string? PartOf(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        if (Views.TryGetValue(type, out var path))
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments is ["Features", var feature, _, ..] ? "Features." + feature : null;
        }

        var ns = type.Assembly == Web ? type.Namespace ?? string.Empty : string.Empty;
        if (ns.StartsWith(FeaturesNamespace, StringComparison.Ordinal))
        {
            return "Features." + ns[FeaturesNamespace.Length..].Split('.')[0];
        }

        return ns == InfrastructureNamespace || ns.StartsWith(InfrastructureNamespace + ".", StringComparison.Ordinal)
            ? Infrastructure
            : null;
    }

    /// <summary>Alpha names Beta in a signature; Beta uses Alpha only in the body of an async method; Gamma uses Alpha.</summary>
    private static class Synthetic
    {
        public static IEnumerable<Type> Types => [typeof(Alpha), typeof(Beta), typeof(Gamma), .. typeof(Beta).GetNestedTypes(BindingFlags.NonPublic)];

        public static string? PartOf(Type type) =>
            type.DeclaringType == typeof(Synthetic) ? type.Name
            : type.DeclaringType is { } outer ? PartOf(outer)
            : null;

        public sealed class Alpha
        {
            public Beta? Next { get; set; }
        }

        public sealed class Beta
        {
            public static async Task<int> CountAsync()
            {
                await Task.Yield();
                var made = new Alpha();
                return made.GetHashCode();
            }
        }

        public sealed class Gamma
        {
            public static int Make() => new Alpha().GetHashCode();
        }
    }
}
