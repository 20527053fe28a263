namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>
/// One way of judging which earlier ideas a text is like. <see cref="SimilarContributions"/> adds up the relevance
/// every registered scorer gives each idea, so a scorer that reads meaning can join the one that reads words, each
/// catching what the other misses.
/// </summary>
public interface ISimilarityScorer
{
    /// <summary>
    /// The ideas (contributions that stand alone; a "me too" counts towards its idea) this scorer finds worth
    /// suggesting for <paramref name="text"/>, best first, never <paramref name="excluding"/>.
    /// </summary>
    Task<IReadOnlyList<ScoredIdea>> ScoreAsync(string text, Guid? excluding, CancellationToken cancellationToken);
}

/// <summary>An idea a scorer would suggest: how relevant, from 0 to 1 (comparable across texts), and the index terms
/// that made it so (shown to staff as the words it shares; empty for a scorer that does not work by words).</summary>
public sealed record ScoredIdea(Guid IdeaId, double Relevance, IReadOnlySet<string> Terms);
