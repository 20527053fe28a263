namespace WithUs.Web.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the data folder. Required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded database. Relative paths are resolved from the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Fill this database with the invented demo organisations when it is empty.</summary>
    public bool Demo { get; set; }
}
