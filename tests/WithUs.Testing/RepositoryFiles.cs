namespace WithUs.Testing;

/// <summary>Paths in the repository this test run was built from.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "WithUs.Web");

    public static string Read(params string[] relative) => File.ReadAllText(Path.Combine([Root, .. relative]));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WithUs.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find WithUs.slnx above " + AppContext.BaseDirectory);
    }
}
