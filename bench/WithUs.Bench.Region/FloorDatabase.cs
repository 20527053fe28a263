using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Bench.Region;

/// <summary>
/// Plain ADO.NET for the floor: one pooled connection per request, parameters bound as the app's EF mapping stores
/// them (a Guid as upper-case text on SQLite, uuid on PostgreSQL), and the two places where the SQL differs.
/// </summary>
public sealed class FloorDatabase(DatabaseProvider provider, string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlDataSource? postgres = provider == DatabaseProvider.Postgres ? NpgsqlDataSource.Create(connectionString) : null;
    private readonly string sqlite = provider == DatabaseProvider.Postgres
        ? ""
        : new SqliteConnectionStringBuilder(connectionString) { Pooling = true, Mode = SqliteOpenMode.ReadOnly }.ToString();

    public bool IsPostgres => postgres is not null;

    /// <summary>True when <paramref name="column"/> holds <paramref name="parameter"/> (already lower case), as the app's Contains.</summary>
    public string ContainsLowered(string column, string parameter) =>
        IsPostgres ? $"strpos(lower({column}), {parameter}) > 0" : $"instr(lower({column}), {parameter}) > 0";

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = postgres is not null ? postgres.CreateConnection() : new SqliteConnection(sqlite);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value switch
            {
                null => DBNull.Value,
                Guid id when !IsPostgres => id.ToString().ToUpperInvariant(),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A list of ids as parameters @name0, @name1...: "IN (...)" with one parameter each, as EF writes it on SQLite.</summary>
    public static (string Sql, (string, object?)[] Parameters) In(string name, IReadOnlyList<Guid> ids) =>
        ids.Count == 0
            ? ("(NULL)", [])
            : ("(" + string.Join(", ", ids.Select((_, i) => $"@{name}{i}")) + ")", ids.Select((id, i) => ($"{name}{i}", (object?)id)).ToArray());

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
    }
}
