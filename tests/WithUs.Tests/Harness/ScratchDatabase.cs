using Microsoft.Data.Sqlite;
using Npgsql;

namespace WithUs.Tests.Harness;

/// <summary>
/// An empty database that exists for one test class (or one test) and is deleted afterwards:
/// a temporary SQLite file, or a uniquely named database on the PostgreSQL server in WITHUS_TEST_POSTGRES.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "WITHUS_TEST_POSTGRES";

    private readonly string? sqliteFolder;
    private readonly string? postgresName;

    private ScratchDatabase(DatabaseProvider provider, string connectionString, string? sqliteFolder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFolder = sqliteFolder;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The folder holding the SQLite file; null for PostgreSQL.</summary>
    public string? SqliteFolder => sqliteFolder;

    public static ScratchDatabase Create(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgres() : CreateSqlite();

    private static ScratchDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "withus-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "withus.db"),
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
        return new ScratchDatabase(DatabaseProvider.Sqlite, connectionString, folder, null);
    }

    private static ScratchDatabase CreatePostgres()
    {
        var server = PostgresServer;
        var name = "withus_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ServerConnectionString(server)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new ScratchDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, name);
    }

    /// <summary>The server for the PostgreSQL variants of every test. Never skipped: without it they fail, saying why.</summary>
    public static string PostgresServer
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            if (!string.IsNullOrWhiteSpace(server))
            {
                return server;
            }

            var required = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                           || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WITHUS_REQUIRE_POSTGRES"));
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL variant of this test cannot run" +
                (required ? " (and CI or WITHUS_REQUIRE_POSTGRES says PostgreSQL is required)" : "") + ". " +
                "Run ./test.sh from the repository root: it starts a throwaway PostgreSQL 15 and runs every test on " +
                "SQLite and PostgreSQL. Or point it at a server you own: " +
                $"{PostgresVariable}=\"Host=127.0.0.1;Port=5433;Username=postgres\" dotnet test.");
        }
    }

    private static string ServerConnectionString(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;

    /// <summary>Makes the database refuse every new connection and ends the open ones, as if its server went away.</summary>
    public async Task MakeUnreachableAsync()
    {
        if (postgresName is not null)
        {
            await ExecuteOnServerAsync(
                $"ALTER DATABASE \"{postgresName}\" WITH ALLOW_CONNECTIONS false",
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{postgresName}'");
            ClearPool();
        }
        else
        {
            ClearPool();
            Directory.Move(sqliteFolder!, sqliteFolder + "-away");
        }
    }

    public async Task MakeReachableAsync()
    {
        if (postgresName is not null)
        {
            await ExecuteOnServerAsync($"ALTER DATABASE \"{postgresName}\" WITH ALLOW_CONNECTIONS true");
            ClearPool();
        }
        else
        {
            ClearPool();
            if (Directory.Exists(sqliteFolder))
            {
                Directory.Delete(sqliteFolder, recursive: true);
            }

            Directory.Move(sqliteFolder + "-away", sqliteFolder!);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresName is not null)
        {
            ClearPool();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
        }
        else
        {
            ClearPool();
            foreach (var folder in new[] { sqliteFolder!, sqliteFolder + "-away" })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    /// <summary>
    /// A context on this database outside any app: no interceptors, no organisation, for working on the schema itself
    /// (migrating it part of the way, reading it back).
    /// </summary>
    public WithUsDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WithUsDbContext>();
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }

        options.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
        return new WithUsDbContext(options.Options, new TenantContext());
    }

    /// <summary>Closes this database's idle pooled connections (the test host shares this process and its pools).</summary>
    public void ClearPool()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
        else
        {
            using var connection = new SqliteConnection(ConnectionString);
            SqliteConnection.ClearPool(connection);
        }
    }

    private static async Task ExecuteOnServerAsync(params string[] statements)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString(PostgresServer));
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }
}
