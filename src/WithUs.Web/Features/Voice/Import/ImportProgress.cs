using System.Collections.Concurrent;

namespace WithUs.Web.Features.Voice.Import;

/// <summary>
/// Live progress of the checks and imports running in this process. It is kept in memory, not in the batch row:
/// an import is one transaction, and on SQLite (one writer at a time) a progress update to the batch row from
/// another connection would wait for that transaction to finish. Pages fall back to the batch's stored status, so
/// on another node (or after a restart) people see "Importing" without the running count.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, ImportProgressState> running = new();

    public void Report(Guid batchId, int done, int total, int percent) =>
        running[batchId] = new ImportProgressState(done, total, Math.Clamp(percent, 0, 100));

    public ImportProgressState? Get(Guid batchId) => running.TryGetValue(batchId, out var state) ? state : null;

    public void Finish(Guid batchId) => running.TryRemove(batchId, out _);
}

/// <summary>Rows done so far, of <see cref="Total"/> (0 while checking, when the total is not known yet).</summary>
public sealed record ImportProgressState(int Done, int Total, int Percent);

/// <summary>Seams for tests and the benchmark: the chunk size, and a hook after each saved chunk.</summary>
public sealed class ImportHooks
{
    public int ChunkSize { get; set; } = 1000;

    /// <summary>Called inside the import's transaction after each chunk is saved, with the rows saved so far.</summary>
    public Func<int, Task>? AfterChunkAsync { get; set; }
}

/// <summary>What the check found, kept with the batch for the preview page.</summary>
public sealed record ImportSummary(IReadOnlyList<PreviewRow> Preview, IReadOnlyList<string> NewThemes,
    IReadOnlyList<string> IgnoredColumns, string Delimiter);

public sealed record PreviewRow(int Row, string Text, string Kind, string Channel, string SaidOn, string Provenance,
    string? Name, string Themes, string Outcome);

/// <summary>A batch the worker should pick up: checking or importing, and not locked by another worker.</summary>
public sealed record WaitingImport(Guid Id, Guid OrganisationId);

/// <summary>A problem that stops an import, in words the person importing can act on.</summary>
public sealed class ImportFailedException(string message) : Exception(message);
