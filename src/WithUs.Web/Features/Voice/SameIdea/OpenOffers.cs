namespace WithUs.Web.Features.Voice.SameIdea;

/// <summary>One of the two ideas of an offer: its words, outcome and voices (never who said it).</summary>
public sealed record OfferSide(Guid Id, string Text, ContributionKind Kind, OutcomeStatus Outcome, int Voices);

/// <summary>An offer still open, with how many voices the idea would have if the two were linked.</summary>
public sealed record OpenOffer(Guid Id, OfferSide First, OfferSide Second, int Together)
{
    public IEnumerable<OfferSide> Sides => [First, Second];
}

/// <summary>
/// The offers staff still have to decide on, where both ideas still stand alone (one linked elsewhere meanwhile
/// leaves the offer waiting, and it returns if that link is undone), strongest first.
/// </summary>
public static class OpenOffers
{
    /// <summary>How many the staff home shows at once.</summary>
    public const int Shown = 5;

    public static async Task<IReadOnlyList<OpenOffer>> ListAsync(WithUsDbContext db, int take, Guid? about = null,
        Guid? offerId = null, CancellationToken cancellationToken = default)
    {
        var offers = Open(db);
        if (about is { } ideaId)
        {
            offers = offers.Where(o => o.FirstId == ideaId || o.SecondId == ideaId);
        }

        if (offerId is { } id)
        {
            offers = offers.Where(o => o.Id == id);
        }

        var rows = await offers.OrderByDescending(o => o.Score).ThenBy(o => o.Id).Take(take)
            .Select(o => new { o.Id, o.FirstId, o.SecondId })
            .ToListAsync(cancellationToken);
        var ids = rows.SelectMany(r => new[] { r.FirstId, r.SecondId }).Distinct().ToList();
        var ideas = await db.Contributions.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Text, c.Kind, c.Outcome })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var people = await PeopleAsync(db, ids, cancellationToken);

        OfferSide Side(Guid ideaId)
        {
            var idea = ideas[ideaId];
            return new OfferSide(idea.Id, idea.Text, idea.Kind, idea.Outcome, VoiceCounts.Of(people[ideaId]));
        }

        return rows.Select(r => new OpenOffer(r.Id, Side(r.FirstId), Side(r.SecondId),
            VoiceCounts.Of(people[r.FirstId].Concat(people[r.SecondId])))).ToList();
    }

    /// <summary>
    /// For each of these ideas with offers open, how many more voices it would have if every idea offered beside it
    /// were linked to it: "and M more that may say the same thing".
    /// </summary>
    public static async Task<Dictionary<Guid, int>> MoreVoicesAsync(WithUsDbContext db, IReadOnlyCollection<Guid> ideaIds,
        CancellationToken cancellationToken)
    {
        if (ideaIds.Count == 0)
        {
            return [];
        }

        var ids = ideaIds.ToList();
        var pairs = await Open(db).Where(o => ids.Contains(o.FirstId) || ids.Contains(o.SecondId))
            .Select(o => new { o.FirstId, o.SecondId })
            .ToListAsync(cancellationToken);
        var partners = ids.ToDictionary(id => id, id => pairs
            .Where(p => p.FirstId == id || p.SecondId == id)
            .Select(p => p.FirstId == id ? p.SecondId : p.FirstId)
            .ToList());
        var people = await PeopleAsync(db, ids.Concat(partners.Values.SelectMany(p => p)).Distinct().ToList(), cancellationToken);
        return partners.Where(p => p.Value.Count > 0).ToDictionary(
            p => p.Key,
            p => VoiceCounts.Of(people[p.Key].Concat(p.Value.SelectMany(partner => people[partner]))) - VoiceCounts.Of(people[p.Key]));
    }

    private static IQueryable<SameIdeaOffer> Open(WithUsDbContext db) =>
        db.Set<SameIdeaOffer>().AsNoTracking()
            .Where(o => o.Decision == SameIdeaDecision.Offered
                        && db.Contributions.Any(c => c.Id == o.FirstId && c.LinkedToId == null)
                        && db.Contributions.Any(c => c.Id == o.SecondId && c.LinkedToId == null));

    /// <summary>Who said each idea or added their voice to it (null for each anonymous voice), by idea.</summary>
    private static async Task<Dictionary<Guid, List<Guid?>>> PeopleAsync(WithUsDbContext db, List<Guid> ideaIds,
        CancellationToken cancellationToken)
    {
        // Two queries, each answered from an index (by id; by OrganisationId and LinkedToId). What two ideas would have
        // together needs who each voice is, which the kept counts (Contribution.VoiceCount) cannot give: this reads
        // every voice of the ideas offered.
        var roots = await db.Contributions.Where(c => ideaIds.Contains(c.Id))
            .Select(c => new { Idea = c.Id, c.PersonId })
            .ToListAsync(cancellationToken);
        var meToos = await db.Contributions.Where(c => c.LinkedToId != null && ideaIds.Contains(c.LinkedToId.Value))
            .Select(c => new { Idea = c.LinkedToId!.Value, c.PersonId })
            .ToListAsync(cancellationToken);
        var byIdea = ideaIds.ToDictionary(id => id, _ => new List<Guid?>());
        foreach (var row in roots.Concat(meToos))
        {
            byIdea[row.Idea].Add(row.PersonId);
        }

        return byIdea;
    }
}
