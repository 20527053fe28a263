namespace WithUs.Web.Features.Voice.Import;

/// <summary>Seams for tests and the benchmark: the chunk size, and a hook after each saved chunk.</summary>
public sealed class ImportHooks
{
    public int ChunkSize { get; set; } = 1000;

    /// <summary>Called inside the import's transaction after each chunk is saved, with the rows saved so far.</summary>
    public Func<int, Task>? AfterChunkAsync { get; set; }
}
