namespace WithUs.BrowserTests.Infrastructure;

/// <summary>
/// Shows what a page without JavaScript shows, in a context where JavaScript is on, so that axe-core can run there:
/// the same address, the document exactly as the scriptless page has it, the same style sheets and viewport, and
/// every script of the page's own refused. Only axe runs in it.
/// </summary>
internal sealed class ScriptlessCopy : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly IPage page;
    private string html = "";

    private ScriptlessCopy(IBrowserContext context, IPage page)
    {
        this.context = context;
        this.page = page;
    }

    public static async Task<ScriptlessCopy> CreateAsync(IBrowser browser, ViewportSize viewport)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = true,
            Locale = "en-GB",
            ViewportSize = viewport,
        });
        var page = await context.NewPageAsync();
        var copy = new ScriptlessCopy(context, page);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType == "script")
            {
                await route.AbortAsync();
            }
            else if (route.Request.IsNavigationRequest)
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = "text/html; charset=utf-8",
                    Body = copy.html,
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        return copy;
    }

    /// <summary>The copy of <paramref name="original"/> as it is now, loaded with its style sheets.</summary>
    public async Task<IPage> ShowAsync(IPage original)
    {
        html = await original.ContentAsync();
        await page.GotoAsync(original.Url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return page;
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
