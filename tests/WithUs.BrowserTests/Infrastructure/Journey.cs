using System.Text.RegularExpressions;

namespace WithUs.BrowserTests.Infrastructure;

/// <summary>
/// One person in one browser context. Every navigation goes through here, and after each the page is checked:
/// no server error, nothing blocked by the Content Security Policy, no script error, no missing style sheet or
/// script, and no serious or critical axe-core violation.
/// </summary>
public sealed partial class Journey : IAsyncDisposable
{
    private readonly ITestOutputHelper output;
    private readonly string name;
    private readonly List<string> problems = [];
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    private int screenshots;

    private readonly ScriptlessCopy? scriptlessCopy;

    internal Journey(IBrowserContext context, IPage page, ScriptlessCopy? scriptlessCopy, ITestOutputHelper output, bool javaScript, string name)
    {
        this.scriptlessCopy = scriptlessCopy;
        Context = context;
        Page = page;
        this.output = output;
        this.name = name;
        JavaScript = javaScript;

        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Blocked by the Content Security Policy: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"Script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (!request.IsNavigationRequest)
            {
                problems.Add($"Request failed: {request.Method} {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            if (!response.Request.IsNavigationRequest && response.Status >= 400)
            {
                problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public bool JavaScript { get; }

    /// <summary>Every page this journey saw, in order, as path and query.</summary>
    public List<string> Visited { get; } = [];

    /// <summary>Path and query of the page now shown, such as /account/two-factor/set-up?required=true.</summary>
    public string Location => new Uri(Page.Url).PathAndQuery;

    public ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    public ILocator Button(string text) => Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = text, Exact = true });

    public ILocator Link(string text) => Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = text, Exact = true });

    public ILocator Heading => Page.Locator("h1");

    public ILocator ErrorSummary => Page.Locator(".govuk-error-summary");

    public Task FillAsync(string label, string value) => Field(label).FillAsync(value);

    public async Task<IResponse> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return await CheckPageAsync(response, $"GET {path}");
    }

    public async Task<IResponse> ClickAsync(ILocator target)
    {
        var description = target.ToString() ?? "a link or button";
#pragma warning disable CS0612 // Deprecated as racy when used apart from its action; waiting around the action that starts the navigation is not racy.
        var response = await Page.RunAndWaitForNavigationAsync(() => target.ClickAsync());
#pragma warning restore CS0612
        return await CheckPageAsync(response, $"click {description}");
    }

    public Task<IResponse> SubmitAsync(string button) => ClickAsync(Button(button));

    /// <summary>Presses a key (Enter on a focused button or field) that loads a page, checking that page as any other.</summary>
    public async Task<IResponse> PressAsync(string key)
    {
#pragma warning disable CS0612 // As in ClickAsync: waiting around the action that starts the navigation is not racy.
        var response = await Page.RunAndWaitForNavigationAsync(() => Page.Keyboard.PressAsync(key));
#pragma warning restore CS0612
        return await CheckPageAsync(response, $"press {key}");
    }

    public Task<IResponse> FollowAsync(string link) => ClickAsync(Link(link));

    /// <summary>Signs out with the button in the header, as a person would.</summary>
    public async Task SignOutAsync()
    {
        await ClickAsync(Page.Locator("header").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign out" }));
        Location.ShouldStartWith("/account/sign-in");
    }

    /// <summary>A full-page PNG under TestResults/browser, for a person to look at.</summary>
    public async Task<string> ScreenshotAsync(string label)
    {
        var file = Path.Combine(Repository.ScreenshotFolder, $"{name}-{++screenshots:D2}-{Slug(label)}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine($"screenshot: {file}");
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        output.WriteLine($"{name} visited:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Visited)}");
        await Context.CloseAsync();
        if (scriptlessCopy is not null)
        {
            await scriptlessCopy.DisposeAsync();
        }
    }

    private async Task<IResponse> CheckPageAsync(IResponse? response, string action)
    {
        response.ShouldNotBeNull($"{action} did not load a page");
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var loaded = clock.Elapsed;
        response.Status.ShouldBeLessThan(500, $"{action} → {Page.Url} answered {response.Status}");

        if (!JavaScript)
        {
            // site.js marks the body as soon as it runs: the page must really be working without it.
            (await Page.EvaluateAsync<bool>("() => document.body.classList.contains('js-enabled')"))
                .ShouldBeFalse($"JavaScript ran on {Page.Url} in a journey without JavaScript");
        }

        var violations = await Axe.RunAsync(scriptlessCopy is null ? Page : await scriptlessCopy.ShowAsync(Page));
        Visited.Add($"{Location} ({response.Status}; at {loaded.TotalSeconds:F1} s, axe {(clock.Elapsed - loaded).TotalSeconds:F1} s)");
        foreach (var minor in violations.Where(v => !v.IsSeriousOrWorse))
        {
            output.WriteLine($"axe (not failing, {minor.Impact}) on {Location}: {minor}");
        }

        var serious = violations.Where(v => v.IsSeriousOrWorse).ToList();
        if (serious.Count > 0)
        {
            await ScreenshotAsync("accessibility-failure");
            problems.Add(Axe.Describe(Page.Url, serious));
        }

        if (problems.Count > 0)
        {
            var message = $"After {action} ({Page.Url}):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
            problems.Clear();
            throw new Xunit.Sdk.XunitException(message);
        }

        return response;
    }

    private static string Slug(string text) => SlugPattern().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugPattern();
}
