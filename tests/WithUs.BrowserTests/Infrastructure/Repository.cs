namespace WithUs.BrowserTests.Infrastructure;

/// <summary>Files of the repository this test assembly was built from that only the browser tests use.</summary>
internal static class Repository
{
    private static string Root => RepositoryFiles.Root;

    /// <summary>axe-core, installed by the web project's build (npm ci in src/WithUs.Web).</summary>
    public static string AxeScript => Path.Combine(Root, "src", "WithUs.Web", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Screenshots of the pages, for a person to look at; TestResults/ is ignored by git. Emptied once a run.</summary>
    public static string ScreenshotFolder => Screenshots.Value;

    private static readonly Lazy<string> Screenshots = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("WITHUS_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Root, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        foreach (var old in Directory.EnumerateFiles(folder, "*.png"))
        {
            File.Delete(old);
        }

        return folder;
    });
}
