using System.Collections.Concurrent;

namespace WithUs.Tests.Features.Voice.SimilarityQuality;

/// <summary>
/// The app with the sentence model on (the suite turns it off elsewhere), for the quality check, holding each
/// labelled set once: their ids are fixed, and embedding a set takes seconds.
/// </summary>
public abstract class WithMeaningFactory(DatabaseProvider provider)
    : WithUsFactory(provider, new Dictionary<string, string?> { ["Similarity:Embeddings"] = "true" })
{
    internal ConcurrentDictionary<string, Lazy<Task<TestOrganisation>>> Loaded { get; } = new(StringComparer.Ordinal);
}

public sealed class SqliteWithMeaningFactory() : WithMeaningFactory(DatabaseProvider.Sqlite);

public sealed class PostgresWithMeaningFactory() : WithMeaningFactory(DatabaseProvider.Postgres);
