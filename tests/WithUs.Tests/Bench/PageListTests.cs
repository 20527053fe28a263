using WithUs.Bench.Region;
using WithUs.Tests.Infrastructure.Authorisation;

namespace WithUs.Tests.Bench;

/// <summary>
/// bench/pages.txt, the pages bench/run.sh measures: every address is one of the app's routes (the role matrix lists
/// them all, and its own test keeps it equal to the routing table), open to whom the list says. A renamed or removed
/// page fails here rather than in a benchmark run nobody has started.
/// </summary>
public sealed class PageListTests
{
    private static readonly IReadOnlyList<BenchPage> Pages = PageList.Parse(RepositoryFiles.Read("bench", "pages.txt"));

    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["{org}"] = "bench-org",
        ["{id}"] = "0192f0c1-7a2b-7c3d-8e4f-5a6b7c8d9e0f",
        ["{theme}"] = "0192f0c1-7a2b-7c3d-8e4f-5a6b7c8d9e10",
        ["{deep}"] = "2000",
        ["{pdeep}"] = "2000",
        ["{person}"] = "0192f0c1-7a2b-7c3d-8e4f-5a6b7c8d9e11",
        ["{project}"] = "0192f0c1-7a2b-7c3d-8e4f-5a6b7c8d9e12",
        ["{meeting}"] = "0192f0c1-7a2b-7c3d-8e4f-5a6b7c8d9e13",
        ["{q}"] = "evening",
        ["{text}"] = "later opening",
    };

    [Fact]
    public void EveryPage_IsARouteOfTheApp_OpenToWhomTheListSays()
    {
        Pages.Count.ShouldBeGreaterThan(10);
        foreach (var page in Pages)
        {
            var routes = RoleMatrixTests.Expected.Where(r => Matches(r.Key, page)).ToList();
            routes.Count.ShouldBe(1, $"\"{page.Name}\" ({page.Method} {page.Address}) should be exactly one route of the app");
            var access = routes[0].Value;
            (page.SignedIn ? access is Access.Staff or Access.Partner : access is Access.Anyone)
                .ShouldBeTrue($"\"{page.Name}\" is for {(page.SignedIn ? "staff" : "anyone")} in the list, {access} in the role matrix");
        }
    }

    [Fact]
    public void EveryPage_HasItsOwnName() =>
        Pages.Select(p => p.Name).ShouldBeUnique();

    [Theory]
    [InlineData("home | GET /o/{org}")]
    [InlineData("home | FETCH /o/{org} | staff")]
    [InlineData("home | GET /o/{org} | partners")]
    [InlineData("similar | POST /o/{org}/voice/new | staff")]
    public void Parse_RefusesALineItCannotRun(string line) =>
        Should.Throw<FormatException>(() => PageList.Parse(line));

    /// <summary>A role-matrix key ("GET /o/{org}/voice/{contributionId:guid}", "POST ...?handler=Similar") against a listed page.</summary>
    private static bool Matches(string key, BenchPage page)
    {
        var (method, rest) = (key[..key.IndexOf(' ', StringComparison.Ordinal)], key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var template = rest.Split('?')[0];
        var handler = rest.Contains("?handler=", StringComparison.Ordinal) ? rest[(rest.IndexOf('=', StringComparison.Ordinal) + 1)..] : null;
        if (method != page.Method || handler != page.Handler)
        {
            return false;
        }

        var path = Samples.Aggregate(page.Path, (p, s) => p.Replace(s.Key, s.Value, StringComparison.Ordinal));
        var wanted = template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var given = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (given.Length > wanted.Length || given.Length < wanted.Count(s => !s.EndsWith("?}", StringComparison.Ordinal)))
        {
            return false;
        }

        return given.Zip(wanted).All(pair => pair.Second.StartsWith('{')
            ? !pair.Second.Contains(":guid", StringComparison.Ordinal) || Guid.TryParse(pair.First, out _)
            : string.Equals(pair.First, pair.Second, StringComparison.OrdinalIgnoreCase));
    }
}
