namespace WithUs.Testing;

/// <summary>Settings for every app host a test run starts in its own process.</summary>
public static class TestHosts
{
    /// <summary>
    /// Hosts in a test run never need to see a file change. By default each watches its appsettings files and its
    /// wwwroot (for asp-append-version) with an inotify instance, from a per-user limit (often 128) that the hosts
    /// of one run, and other runs on the same machine, soon use up; then a host fails to start. Polling uses none.
    /// </summary>
    public static void WatchNoFiles()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
