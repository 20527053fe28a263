using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WithUs.Web.Infrastructure.Data;

/// <summary>
/// Writes many new rows of one entity type straight to its table, in the context's current transaction, without the
/// change tracker: PostgreSQL's binary COPY, or on SQLite one prepared INSERT run once per row. Columns and values
/// come from the EF model (names, value converters, each provider's own parameter setup), so the rows are exactly
/// what SaveChanges would have written. No save interceptor runs: the caller does what they would have done (tenant,
/// index, jobs), and the rows are not tracked afterwards.
/// </summary>
public static class BulkInsert
{
    public static async Task WriteAsync<T>(WithUsDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping()))
            .Where(c => c.Name is not null)
            .ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));

        if (connection is NpgsqlConnection npgsql)
        {
            await using var writer = await npgsql.BeginBinaryImportAsync($"COPY {tableName} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            // Values go into the importer's buffer, which is sent as it fills: written synchronously, as an awaited
            // call per value (millions of them for a large import) costs more than the copying itself.
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.StartRow();
                foreach (var column in columns)
                {
                    var value = StoreValue(column.Property, column.Mapping, row);
                    if (value is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.Write(value, column.Mapping.StoreTypeNameBase);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {tableName} ({columnList}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "@p" + i, null, c.Property.IsNullable)).ToList();
        command.Parameters.AddRange(parameters.ToArray());
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = StoreValue(columns[i].Property, columns[i].Mapping, row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? StoreValue(IProperty property, RelationalTypeMapping mapping, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        var converter = property.GetValueConverter() ?? mapping.Converter;
        return value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
    }
}
