using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WithUs.Tests.Harness;

/// <summary>
/// Counts the commands EF sends, so a test can show a page's query count does not grow with its rows; while
/// <see cref="Record"/> is on, it also keeps each command with a copy of its parameters, for <see cref="ReadCost"/>.
/// </summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly Lock gate = new();
    private List<RecordedCommand>? recording;
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    /// <summary>Keeps every command sent from now until the returned recording is disposed.</summary>
    public Recording Record()
    {
        var commands = new List<RecordedCommand>();
        lock (gate)
        {
            recording = commands;
        }

        return new Recording(this, commands);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result) => Counted(result, command);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result, command));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result) => Counted(result, command);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result, command));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result) => Counted(result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Counted(result));

    private T Counted<T>(T result, DbCommand? query = null)
    {
        Interlocked.Increment(ref count);
        if (query is not null)
        {
            lock (gate)
            {
                recording?.Add(RecordedCommand.Of(query));
            }
        }

        return result;
    }

    /// <summary>The commands kept since <see cref="Record"/>; disposing it stops keeping them.</summary>
    public sealed class Recording(QueryCounter counter, List<RecordedCommand> commands) : IDisposable
    {
        public IReadOnlyList<RecordedCommand> Commands
        {
            get
            {
                lock (counter.gate)
                {
                    return [.. commands];
                }
            }
        }

        public void Dispose()
        {
            lock (counter.gate)
            {
                if (ReferenceEquals(counter.recording, commands))
                {
                    counter.recording = null;
                }
            }
        }
    }
}

/// <summary>A query as EF sent it: its text and a copy of its parameters, to be run again on its own.</summary>
public sealed record RecordedCommand(string Text, IReadOnlyList<object> Parameters)
{
    public static RecordedCommand Of(DbCommand command) => new(command.CommandText,
        command.Parameters.Cast<DbParameter>().Select(Copy).ToList());

    private static object Copy(DbParameter parameter) => parameter switch
    {
        Npgsql.NpgsqlParameter npgsql => npgsql.Clone(),
        Microsoft.Data.Sqlite.SqliteParameter sqlite => new Microsoft.Data.Sqlite.SqliteParameter(sqlite.ParameterName, sqlite.Value)
        {
            // Not its Size: set, even to 0, it cuts a text value to that length.
            SqliteType = sqlite.SqliteType,
        },
        _ => throw new NotSupportedException("Cannot copy a " + parameter.GetType().Name),
    };
}
