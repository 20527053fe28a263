using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>
/// Looks for earlier ideas of the organisation that very probably say the same thing as one idea, and stores each
/// pair as an offer for staff. Only pairs the matcher scores at or above a threshold are offered: the thresholds were
/// chosen on both labelled sets so that an offer is nearly always right (SameIdeaQualityTests prints the table;
/// docs/performance.md, "Same-idea offers", has the figures). They are the lowest at which no wrong pair is offered on
/// either set: on the set of what people say about taking part, every lower one offers more wrong pairs than right,
/// so few pairs are offered there at all; being asked wrongly costs staff more trust than a pair left unasked.
/// </summary>
public sealed class SameIdeaFinder(WithUsDbContext db, SimilarContributions similar, SentenceModel model, TimeProvider clock)
{
    /// <summary>The least score (words 0 to 1, plus meaning 0 to 3) that is offered when the sentence model is in use.</summary>
    public const double WithMeaning = 1.7;

    /// <summary>The least score that is offered by words alone (the model off, or not loaded).</summary>
    public const double WordsOnly = 0.5;

    /// <summary>The closest ideas looked at for each idea: an idea is rarely said the same way more than a few times apart.</summary>
    public const int Candidates = 3;

    /// <summary>Offers the ideas very probably the same as this one, by words and meaning when the model is in use;
    /// how many new offers were stored.</summary>
    public Task<int> OfferAsync(Guid ideaId, string text, CancellationToken cancellationToken) =>
        OfferAsync(ideaId, text, model.Available, cancellationToken);

    /// <summary>As <see cref="OfferAsync(Guid, string, CancellationToken)"/>, by words alone whatever the model.</summary>
    public Task<int> OfferByWordsAsync(Guid ideaId, string text, CancellationToken cancellationToken) =>
        OfferAsync(ideaId, text, false, cancellationToken);

    /// <summary>The closest other ideas and their scores, before any threshold (the quality test measures these).</summary>
    public Task<IReadOnlyList<SimilarContribution>> CandidatesAsync(Guid ideaId, string text, bool byMeaning,
        CancellationToken cancellationToken) =>
        (byMeaning ? similar : new SimilarContributions(db, [new LexicalScorer(db)])).FindAsync(text, Candidates, ideaId, cancellationToken);

    public static double Threshold(bool byMeaning) => byMeaning ? WithMeaning : WordsOnly;

    private async Task<int> OfferAsync(Guid ideaId, string text, bool byMeaning, CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var match in await CandidatesAsync(ideaId, text, byMeaning, cancellationToken))
        {
            if (match.Score >= Threshold(byMeaning) && match.Id != ideaId && await RecordAsync(ideaId, match.Id, match.Score, cancellationToken))
            {
                stored++;
            }
        }

        return stored;
    }

    /// <summary>
    /// Stores the pair as offered unless it is already there, whatever was decided about it. A finder on another node
    /// storing the same pair at the same moment is refused by the unique index, and that is the same outcome.
    /// </summary>
    public async Task<bool> RecordAsync(Guid a, Guid b, double score, CancellationToken cancellationToken)
    {
        var (first, second) = SameIdeaOffer.Pair(a, b);
        var offers = db.Set<SameIdeaOffer>();
        if (await offers.AnyAsync(o => o.FirstId == first && o.SecondId == second, cancellationToken))
        {
            return false;
        }

        var offer = new SameIdeaOffer
        {
            Id = Ids.New(),
            FirstId = first,
            SecondId = second,
            Score = score,
            FoundAtUtc = clock.GetUtcNow().UtcDateTime,
            Decision = SameIdeaDecision.Offered,
        };
        offers.Add(offer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            db.Entry(offer).State = EntityState.Detached;
            return false;
        }
    }
}
