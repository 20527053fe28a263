using WithUs.Web.Features.People;
using WithUs.Web.Features.Voice.SameIdea;

namespace WithUs.Web.Features.Voice;

/// <summary>One thing someone said: the words, who and when, themes, the voices it has, what happened and who was told.</summary>
public sealed class DetailsModel(WithUsDbContext db, OrganisationClock clock, IProjectTitles projects) : OrganisationPageModel
{
    public Contribution Item { get; private set; } = null!;

    /// <summary>The idea whose outcome counts: this one, or the one it adds a voice to.</summary>
    public Contribution Idea { get; private set; } = null!;

    public string? RecordedBy { get; private set; }

    public int VoiceCount { get; private set; }

    /// <summary>The newest voices added to this idea, up to <see cref="VoicesShown"/> unless all were asked for.</summary>
    public IReadOnlyList<Contribution> Voices { get; private set; } = [];

    public const int VoicesShown = 50;

    /// <summary>"all" to list every voice added to this idea, not only the newest <see cref="VoicesShown"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "voices")]
    public string? VoicesToShow { get; set; }

    public bool AllVoices => string.Equals(VoicesToShow, "all", StringComparison.OrdinalIgnoreCase);

    /// <summary>How many contributions add their voice to this idea.</summary>
    public int MeTooCount { get; private set; }

    /// <summary>Whether anyone who added their voice gave their name (so someone may be told the outcome).</summary>
    public bool AnyNamedVoice { get; private set; }

    public IReadOnlyList<Interest> Interested { get; private set; } = [];

    public bool IsMeToo => Item.LinkedToId is not null;

    /// <summary>Other ideas that look like the same one as this, for staff to link or dismiss.</summary>
    public IReadOnlyList<OpenOffer> SameIdeas { get; private set; } = [];

    /// <summary>The project the idea led to or is part of, when it is.</summary>
    public string? ProjectTitle { get; private set; }

    /// <summary>Every outcome the idea was given, oldest first, with who gave it.</summary>
    public IReadOnlyList<(ContributionOutcome Outcome, string? By)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var item = await db.Contributions.AsNoTracking()
            .Include(c => c.Person)
            .Include(c => c.LinkedTo)
            .Include(c => c.Themes).ThenInclude(t => t.Theme)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == contributionId, cancellationToken);

        Item = item;
        Idea = item.LinkedTo ?? item;
        if (item.RecordedByUserId is { } recorder)
        {
            RecordedBy = await db.Users.AsNoTracking().Where(u => u.Id == recorder).Select(u => u.DisplayName)
                .SingleOrDefaultAsync(cancellationToken);
        }

        // Kept on the idea's row by the database (migration VoiceCountOnEachIdea).
        VoiceCount = Idea.VoiceCount;
        if (!IsMeToo)
        {
            // Counted by the database as they change (migration VoiceCountOnEachIdea), and the newest walked in the index
            // of the idea's "me too"s (migration IdeaVoicesInOrder): at a region's size an idea has hundreds, and
            // reading or writing them all out cost several times the page.
            MeTooCount = item.MeTooCount;
            AnyNamedVoice = await db.Contributions.AnyAsync(c => c.LinkedToId == item.Id && c.PersonId != null, cancellationToken);
            var voices = db.Contributions.AsNoTracking().Include(c => c.Person).Where(c => c.LinkedToId == item.Id)
                .OrderByDescending(c => c.SaidOnUtc).ThenByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id);
            Voices = await (AllVoices ? voices : voices.Take(VoicesShown)).ToListAsync(cancellationToken);
            SameIdeas = await OpenOffers.ListAsync(db, OpenOffers.Shown, about: item.Id, cancellationToken: cancellationToken);
        }

        if (Idea.ProjectId is { } projectId)
        {
            ProjectTitle = (await projects.ForAsync([projectId], cancellationToken)).GetValueOrDefault(projectId);
        }

        var history = await Outcomes.OutcomeHistory.ForAsync(db, Idea.Id, cancellationToken);
        var byIds = history.Select(h => h.ByUserId).OfType<Guid>().Distinct().ToList();
        var names = byIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => byIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        History = history.Select(h => (h, h.ByUserId is { } by ? names.GetValueOrDefault(by) : null)).ToList();

        Interested = await db.Interests.AsNoTracking()
            .Include(i => i.Person)
            .Where(i => i.ContributionId == Idea.Id)
            .OrderBy(i => i.CreatedAtUtc)
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Whether the person who said it has been told the idea's current outcome, in plain words.</summary>
    public string ToldStatus()
    {
        if (Item.ToldAtUtc is null)
        {
            return Item.PersonId is null ? "Not told: no one to tell (anonymous)" : "Not told yet";
        }

        var when = clock.Date(Item.ToldAtUtc.Value);
        var how = Item.ToldHow is { } method ? $" ({method.DisplayName().ToLowerInvariant()})" : "";
        return Item.ToldOutcome is { } told && told != Idea.Outcome
            ? $"Told “{told.DisplayName()}” on {when}{how}. The outcome has changed since: they are owed a reply"
            : $"Told on {when}{how}";
    }
}
