namespace WithUs.Tests.Infrastructure.Data;

/// <summary>
/// WithUs's PostgreSQL connections plan without parallel workers, which on a small server cost a page more than they
/// save (docs/performance.md, "Parallel plans on PostgreSQL"), unless the operator's connection string chose otherwise.
/// </summary>
public sealed class PostgresConnectionSettingsTests(PostgresWithUsFactory app) : IClassFixture<PostgresWithUsFactory>
{
    [Fact]
    public async Task EveryConnection_PlansWithoutParallelWorkers()
    {
        var value = await ConnectionSettings.ReadAsync(app, "SHOW max_parallel_workers_per_gather;");

        value.ShouldBe("0");
    }

    [Theory]
    [InlineData("Host=db;Database=withus", "-c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=withus;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=withus;Options=-c max_parallel_workers_per_gather=2", "-c max_parallel_workers_per_gather=2")]
    public void TheOperatorsOwnOptions_AreKept(string given, string options)
    {
        var resolved = DatabaseServiceCollectionExtensions.ResolveConnectionString(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = given });

        new Npgsql.NpgsqlConnectionStringBuilder(resolved).Options.ShouldBe(options);
    }
}
