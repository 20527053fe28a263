namespace WithUs.BrowserTests.Infrastructure;

/// <summary>Finds files of the repository this test assembly was built from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

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

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WithUs.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"WithUs.slnx was not found above {AppContext.BaseDirectory}.");
    }
}
