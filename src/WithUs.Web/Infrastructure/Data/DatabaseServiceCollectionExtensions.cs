using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace WithUs.Web.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddWithUsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddScoped<WriteGuardInterceptor>();

        var connectionString = ResolveConnectionString(options);
        services.AddDbContext<WithUsDbContext>((sp, db) =>
        {
            switch (options.Provider)
            {
                case DatabaseProvider.Postgres:
                    db.UseNpgsql(connectionString);
                    break;
                default:
                    db.UseSqlite(connectionString);
                    db.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
                    break;
            }

            // The features' own interceptors (the similarity index) first, so the write guard stamps and checks the
            // rows they add with the rest.
            db.AddInterceptors(sp.GetServices<IFeatureSaveChangesInterceptor>());
            db.AddInterceptors(sp.GetRequiredService<WriteGuardInterceptor>());

            // The migrations are written by hand, without a model snapshot; a test compares the schema they make
            // with the model on both providers instead (tests/WithUs.Tests/Infrastructure/Data/SchemaDriftTests.cs).
            db.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });

        return services;
    }

    /// <summary>The PostgreSQL setting WithUs's connections start with, unless the connection string's Options set it.</summary>
    public const string NoParallelPlans = "max_parallel_workers_per_gather=0";

    public static string ResolveConnectionString(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but Database:ConnectionString is empty. " +
                    "Set Database__ConnectionString, for example \"Host=127.0.0.1;Database=withus;Username=withus;Password=...\".");
            }

            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            // A page's statements are short and many run at once: a parallel plan spends milliseconds starting workers
            // that then compete with other requests for the server's few cores (a theme's page went from 10 to 26 ms
            // with one, docs/performance.md). Unless the operator set it themselves.
            if (builder.Options?.Contains(NoParallelPlans.Split('=')[0], StringComparison.Ordinal) != true)
            {
                builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? $"-c {NoParallelPlans}" : $"{builder.Options} -c {NoParallelPlans}";
            }

            return builder.ConnectionString;
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var folder = Path.GetFullPath(options.DataFolder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, options.Demo ? "withus-demo.db" : "withus.db");
        return new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Cache = SqliteCacheMode.Private,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
