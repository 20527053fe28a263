using System.Text;
using System.Text.Json;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>One rule axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, string[] Targets)
{
    public bool IsSeriousOrWorse => Impact is "serious" or "critical";

    public override string ToString() =>
        $"{Id} ({Impact}): {Help} [{HelpUrl}]{Environment.NewLine}    at {string.Join(Environment.NewLine + "    at ", Targets)}";
}

/// <summary>
/// Runs axe-core (from the web project's npm packages) in the page. It is evaluated through the DevTools protocol,
/// which the page's Content Security Policy does not stop, so the page under test keeps its real CSP.
/// A page in a context without JavaScript runs no timers, and axe needs them: such a page is checked through a
/// <see cref="ScriptlessCopy"/> instead.
/// </summary>
public static class Axe
{
    /// <summary>Far more than axe needs here (well under a second a page); a hang fails instead of stalling the run.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Repository.AxeScript;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "axe-core is missing. It is installed by the web project's build (npm ci in src/WithUs.Web); " +
                "build the solution, or run `npm ci` in src/WithUs.Web.", path);
        }

        return File.ReadAllText(path);
    });

    public static Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page) => RunInPageAsync(page).WaitAsync(Timeout);

    private static async Task<IReadOnlyList<AxeViolation>> RunInPageAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync("() => {\n" + Source.Value + "\n}");
        }

        var json = await page.EvaluateAsync<string>(
            """
            async tags => {
              const results = await window.axe.run(document, {
                runOnly: { type: 'tag', values: tags },
                resultTypes: ['violations'],
              });
              return JSON.stringify(results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.join(' ')),
              })));
            }
            """,
            Tags);
        return JsonSerializer.Deserialize<AxeViolation[]>(json, JsonOptions) ?? [];
    }

    public static string Describe(string url, IEnumerable<AxeViolation> violations)
    {
        var text = new StringBuilder($"Accessibility violations on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine().Append("  ").Append(violation);
        }

        return text.ToString();
    }
}
