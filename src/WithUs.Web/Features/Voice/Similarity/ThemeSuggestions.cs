namespace WithUs.Web.Features.Voice.Similarity;

/// <summary>A theme offered while capturing, and whether earlier ideas like the text were given it (or only its name
/// or description matched).</summary>
public sealed record SuggestedTheme(Guid Id, string Name, double Score, bool GivenToSimilarIdeas);

/// <summary>
/// The themes a text being captured probably belongs to: those that the most similar earlier ideas (and their "me
/// too" voices) were given, each idea counting as much as it is similar, plus how close the theme's own name and
/// description come to the text: by meaning when the sentence model is on, by their words when it is not (words alone
/// mislead: "help" is in "Getting help" and in most requests). Only the current organisation's themes (the tenant
/// filter), never an archived one, at most <see cref="Shown"/>, and only above <see cref="ThemeSuggestionSettings.Floor"/>,
/// so an unrelated text suggests nothing. Staff choose them: nothing here ticks a theme.
/// </summary>
public sealed class ThemeSuggestions(WithUsDbContext db, SentenceModel model)
{
    public const int Shown = 3;

    /// <summary>The most similar ideas whose themes are read: enough for a theme given to a few of them to show, few
    /// enough that one query reads them.</summary>
    public const int IdeasConsidered = 10;

    public ThemeSuggestionSettings Settings { get; init; } = ThemeSuggestionSettings.Shipped;

    /// <param name="text">What is being captured.</param>
    /// <param name="similar">The ideas most like it, as <see cref="SimilarContributions.FindAsync"/> ranks them.</param>
    public async Task<IReadOnlyList<SuggestedTheme>> SuggestAsync(string? text, IReadOnlyList<SimilarContribution> similar,
        CancellationToken cancellationToken = default) =>
        Choose(await EvidenceAsync(text, similar, cancellationToken), Settings);

    /// <summary>What speaks for each theme that can be offered (none for an empty text).</summary>
    public async Task<IReadOnlyList<ThemeEvidence>> EvidenceAsync(string? text, IReadOnlyList<SimilarContribution> similar,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var relevance = similar.Take(IdeasConsidered).ToDictionary(s => s.Id, s => s.Score);
        var ideaIds = relevance.Keys.ToList();
        // The themes these ideas were given, directly or through a "me too", in two halves: the ideas by key, then
        // their "me too"s by LinkedToId, each joined to its links by contribution. So the cost follows these few ideas
        // and their voices, not how much has been filed under each theme. Asked as one condition ("its id or its
        // idea's id is one of these"), SQLite could use neither index and read every link of the organisation's
        // themes: 87 ms at a region's size, most of a suggestion's time (issue 9).
        var own = from c in db.Contributions
                  where ideaIds.Contains(c.Id)
                  join ct in db.ContributionThemes on c.Id equals ct.ContributionId
                  select new { ct.ThemeId, Idea = c.Id };
        var meToos = from c in db.Contributions
                     where c.LinkedToId != null && ideaIds.Contains(c.LinkedToId.Value)
                     join ct in db.ContributionThemes on c.Id equals ct.ContributionId
                     select new { ct.ThemeId, Idea = c.LinkedToId!.Value };
        var given = (await own.Concat(meToos).ToListAsync(cancellationToken)).ToLookup(x => x.ThemeId, x => x.Idea);
        var themes = (await db.Themes.AsNoTracking()
                .Where(t => !t.IsArchived)
                .Select(t => new { t.Id, t.Name, t.Description })
                .ToListAsync(cancellationToken))
            .Select(t => new { t.Id, t.Name, t.Description, Ideas = given[t.Id].ToList() })
            .ToList();

        // A theme's name and description are a sentence about what belongs under it; their vectors are remembered
        // between pauses, and so is the text's, which the similar ideas have just asked for.
        var vectors = themes.Count == 0 || !model.Enabled
            ? null
            : model.EmbedRemembered([text, .. themes.Select(t => About(t.Name, t.Description))], cancellationToken);
        var said = TextAnalyser.Words(text).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);
        return themes
            .Select((t, i) => new ThemeEvidence(t.Id, t.Name, t.Ideas.Distinct().Sum(relevance.GetValueOrDefault),
                NameMatch(t.Name, said), DescriptionMatch(t.Description, said),
                vectors is null ? null : SentenceModel.Cosine(vectors[0], vectors[i + 1])))
            .ToList();
    }

    /// <summary>The themes to offer: above the floor and not far behind the best, at most <see cref="Shown"/>.</summary>
    public static IReadOnlyList<SuggestedTheme> Choose(IEnumerable<ThemeEvidence> evidence, ThemeSuggestionSettings settings)
    {
        var scored = evidence
            .Select(e => new SuggestedTheme(e.Id, e.Name, settings.Score(e), e.FromIdeas > 0))
            .Where(t => t.Score >= settings.Floor)
            .OrderByDescending(t => t.Score).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return scored.TakeWhile(t => t.Score >= settings.Relative * scored[0].Score).Take(Shown).ToList();
    }

    private static string About(string name, string? description) =>
        string.IsNullOrWhiteSpace(description) ? name : name + ": " + description;

    /// <summary>The share of the theme name's words that the text says ("Getting help": "help" alone is half).</summary>
    public static double NameMatch(string name, IReadOnlySet<string> said)
    {
        var words = TextAnalyser.Words(name).Select(w => w.Stem).Distinct(StringComparer.Ordinal).ToList();
        return words.Count == 0 ? 0 : words.Count(said.Contains) / (double)words.Count;
    }

    /// <summary>How much of the description the text says: one word is some evidence, two or more as much as there is.</summary>
    private static double DescriptionMatch(string? description, IReadOnlySet<string> said)
    {
        var words = TextAnalyser.Words(description).Select(w => w.Stem).Distinct(StringComparer.Ordinal);
        return Math.Min(2, words.Count(said.Contains)) / 2.0;
    }
}

/// <summary>
/// How the evidence for a theme adds up, chosen on the labelled theme set (ThemeSuggestionQualityTests prints a grid;
/// the figures are in docs/performance.md).
/// </summary>
/// <param name="IdeaWeight">Per unit of a similar idea's relevance (words 0 to 1, meaning up to
/// <see cref="EmbeddingSettings.Weight"/> more).</param>
/// <param name="NameWeight">Without the model: for the text saying every word of the theme's name.</param>
/// <param name="DescriptionWeight">Without the model: for the text saying two or more words of the theme's description.</param>
/// <param name="MeaningFloor">A cosine between the text and the theme's name and description at or below this is no
/// evidence (a short text and a short theme commonly reach 0.1 to 0.2 by chance).</param>
/// <param name="MeaningWeight">For an identical meaning, falling to nothing at the floor.</param>
/// <param name="Floor">The least evidence a theme needs to be offered.</param>
/// <param name="Relative">A theme is offered only with at least this share of the best theme's evidence: a text is
/// usually about one thing, and a distant second guess is more often wrong than right.</param>
public sealed record ThemeSuggestionSettings(double IdeaWeight, double NameWeight, double DescriptionWeight,
    double MeaningFloor, double MeaningWeight, double Floor, double Relative)
{
    public static readonly ThemeSuggestionSettings Shipped = new(IdeaWeight: 1.0, NameWeight: 0.5, DescriptionWeight: 0.5,
        MeaningFloor: 0.2, MeaningWeight: 5.0, Floor: 0.25, Relative: 0.67);

    public double Score(ThemeEvidence evidence) =>
        IdeaWeight * evidence.FromIdeas + evidence.Meaning switch
        {
            null => NameWeight * evidence.NameMatch + DescriptionWeight * evidence.DescriptionMatch,
            var cosine when cosine <= MeaningFloor => 0,
            var cosine => MeaningWeight * (cosine.Value - MeaningFloor) / (1 - MeaningFloor),
        };
}

/// <summary>What speaks for one theme: the summed relevance of the similar ideas given it, the share of its name and
/// of (up to two words of) its description that the text says, each 0 to 1, and the cosine between the text's meaning
/// and theirs (null when the model is off or cannot load).</summary>
public sealed record ThemeEvidence(Guid Id, string Name, double FromIdeas, double NameMatch, double DescriptionMatch, double? Meaning);
