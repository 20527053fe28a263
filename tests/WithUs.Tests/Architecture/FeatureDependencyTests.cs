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
    /// Uses of one feature by another against the usual direction, each with its reason; every other use must keep
    /// features free of loops. Voice stands on People and Themes: what was said names who said it
    /// (Contribution.Person) and the themes it is filed under (Contribution.Themes).
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> DeliberateUses = new()
    {
        [("Features.People", "Features.Voice")] =
            "A person's record shows what they said and de-identifies it when they are deleted; an interest may be " +
            "in one idea (Interest.Contribution), and reaching back is about an idea or a theme.",
        [("Features.Themes", "Features.Voice")] =
            "A theme's pages count and list what was said under it (build-up), and filing a contribution under " +
            "themes is done from the Themes pages (ContributionTheme.Contribution).",
    };

    /// <summary>
    /// Where Infrastructure may use a feature: the Infrastructure type (or the start of its full name), the feature
    /// ("*" for any) and why. A new entry needs a reason a reviewer would accept; an entry no longer needed must go
    /// (a test says so).
    /// </summary>
    private static readonly (string Type, string Feature, string Why)[] InfrastructureMayUse =
    [
        ("WithUs.Web.Infrastructure.WithUsServices", "*",
            "The composition root: it calls each feature's own registration (AddAccount(), AddVoice(), ...)."),
        ("WithUs.Web.Infrastructure.WithUsPipeline", "*",
            "The composition root: the second-step middleware (Account), the demo (Demo) and the set-up token (Setup)."),
        ("WithUs.Web.Infrastructure.Data.WithUsDbContext", "Features.Account",
            "Identity's user type is the context's type argument (IdentityUserContext<ApplicationUser, Guid>)."),
        ("WithUs.Web.Infrastructure.Data.WithUsDbContext", "Features.Members",
            "A DbSet: db.Invitations. Each DbSet names its table; a new feature may use db.Set<T>() instead."),
        ("WithUs.Web.Infrastructure.Data.WithUsDbContext", "Features.People",
            "DbSets: db.People, db.Interests, db.ReachBacks (each names its table)."),
        ("WithUs.Web.Infrastructure.Data.WithUsDbContext", "Features.Themes",
            "DbSets: db.Themes, db.ContributionThemes (each names its table)."),
        ("WithUs.Web.Infrastructure.Data.WithUsDbContext", "Features.Voice",
            "DbSets: db.Contributions, db.ContributionTerms, db.ImportBatches (each names its table)."),
        ("WithUs.Web.Infrastructure.Data.TenantBypass", "Features.Members",
            "The invitation found by its secret token, for someone who is not yet a member (ADR 3)."),
        ("WithUs.Web.Infrastructure.Tenancy.Membership", "Features.Account",
            "A membership is a user account's place in an organisation (Membership.User)."),
        ("WithUs.Web.Infrastructure.Security.WithUsPasswordValidator", "Features.Account",
            "Identity's password validator is typed by the user it checks."),
    ];

    private static readonly Assembly Web = typeof(Program).Assembly;

    /// <summary>Each compiled Razor view or page, by the path of its .cshtml file.</summary>
    private static readonly Dictionary<Type, string> Views = Web.GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(a => a.Type, a => a.Identifier);

    private static readonly Lazy<PartDependencies> WebParts = new(() => PartDependencies.Read(Web.GetTypes(), PartOf));

    [Fact]
    public void Features_DoNotUseEachOtherInACycle()
    {
        var cycles = WebParts.Value.Cycles(IsFeature, DeliberateUses.Keys);

        cycles.ShouldBeEmpty("features that use each other, round a loop (remove the use, move the shared type to " +
                             "the feature that owns it, or add a deliberate use with its reason):\n" +
                             string.Join("\n", cycles.Select(c => string.Join(" <-> ", c) + "\n" + WebParts.Value.Describe(c))));
    }

    [Fact]
    public void DeliberateUses_AreStillUsed_AndGoAgainstAnotherUse()
    {
        var edges = WebParts.Value.Edges;

        DeliberateUses.Keys.Where(u => !edges.ContainsKey(u) || !edges.ContainsKey((u.To, u.From))).ShouldBeEmpty(
            "a deliberate use that is gone, or no longer goes against another use, should leave the list");
    }

    [Fact]
    public void Infrastructure_UsesFeaturesOnlyWhereAllowed()
    {
        var unexplained = WebParts.Value.Edges
            .Where(e => e.Key.From == Infrastructure && IsFeature(e.Key.To))
            .SelectMany(e => e.Value.Where(u => !InfrastructureMayUse.Any(a => Allows(a, u, e.Key.To))))
            .ToList();

        PartDependencies.Describe(unexplained).ShouldBeEmpty("Infrastructure uses a feature with no reason in InfrastructureMayUse");
    }

    [Fact]
    public void InfrastructureAllowList_HasNoEntryThatIsNoLongerNeeded()
    {
        var uses = WebParts.Value.Edges
            .Where(e => e.Key.From == Infrastructure && IsFeature(e.Key.To))
            .SelectMany(e => e.Value.Select(u => (Use: u, Feature: e.Key.To)))
            .ToList();

        InfrastructureMayUse.Where(a => !uses.Any(u => Allows(a, u.Use, u.Feature))).Select(a => $"{a.Type} -> {a.Feature}")
            .ShouldBeEmpty();
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
        parts.Cycles(_ => true, ignoring: [("Beta", "Alpha")]).ShouldBeEmpty();
    }

    private static bool IsFeature(string part) => part.StartsWith("Features.", StringComparison.Ordinal);

    private static bool Allows((string Type, string Feature, string Why) entry, (Type From, Type To) use, string feature)
    {
        var from = use.From;
        while (from.DeclaringType is not null)
        {
            from = from.DeclaringType;
        }

        return (from.FullName ?? string.Empty).StartsWith(entry.Type, StringComparison.Ordinal)
               && (entry.Feature == "*" || entry.Feature == feature);
    }

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
