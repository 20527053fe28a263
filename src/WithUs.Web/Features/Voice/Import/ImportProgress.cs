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
