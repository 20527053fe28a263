using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// When a project delivers: what it did, in plain words, and the things people said that led to it moved to "done" in
/// one step, with what their people will be told, so they appear on "owed a reply" until someone tells them. The
/// co-delivery phase is done and the review begins.
/// </summary>
public sealed class DeliverModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    /// <summary>The project's ideas not yet done or found not possible.</summary>
    public IReadOnlyList<(Guid Id, string Text, int Voices)> Open { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Say what the project did, in plain words")]
    [StringLength(Project.DeliverySummaryMaxLength, ErrorMessage = "What it did must be 2,000 characters or fewer")]
    [PlainText(ErrorMessage = "What it did can only have letters, numbers, spaces and punctuation")]
    public string? Summary { get; set; }

    [BindProperty]
    public List<Guid> Done { get; set; } = [];

    [BindProperty]
    [StringLength(Contribution.ExplanationMaxLength, ErrorMessage = "What they will be told must be 2,000 characters or fewer")]
    [PlainText(ErrorMessage = "What they will be told can only have letters, numbers, spaces and punctuation")]
    public string? TellThem { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Summary = Project.DeliverySummary;
        Done = Open.Select(o => o.Id).ToList();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Done = Done.Distinct().ToList();
        if (Done.Any(id => Open.All(o => o.Id != id)))
        {
            ModelState.AddModelError(nameof(Done), "Choose from the things people said listed here");
        }

        if (Done.Count > 0 && string.IsNullOrWhiteSpace(TellThem))
        {
            ModelState.AddModelError(nameof(TellThem), "Write what the people who said these will be told");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.UtcNow;
        Project.DeliveredAtUtc ??= now;
        Project.DeliverySummary = PlainTextAttribute.Clean(Summary);
        foreach (var phase in Project.Phases)
        {
            if (phase.Phase == CoPhase.Delivery || (phase.Phase < CoPhase.Delivery && phase.Status != PhaseStatus.Done))
            {
                phase.Status = PhaseStatus.Done;
                phase.EndsOn ??= clock.StoredToday;
            }
            else if (phase.Phase == CoPhase.Assessment && phase.Status == PhaseStatus.NotStarted)
            {
                phase.Status = PhaseStatus.UnderWay;
                phase.StartsOn ??= clock.StoredToday;
            }
        }

        var ideas = await db.Contributions.Where(c => Done.Contains(c.Id)).ToListAsync(cancellationToken);
        var tell = PlainTextAttribute.Clean(TellThem);
        foreach (var idea in ideas)
        {
            idea.Outcome = OutcomeStatus.Done;
            idea.NotPossibleReason = null;
            idea.OutcomeExplanation = tell;
            idea.OutcomeAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("ProjectDelivered", details: $"{Project.Title}: {ideas.Count} of the things people said done", cancellationToken: cancellationToken);
        Notice = ideas.Count == 0
            ? "Saved: the project has delivered."
            : $"Saved: the project has delivered, and {ideas.Count} of the things people said are done. Their people are on \"Owed a reply\" until you tell them.";
        return RedirectToPage("/Projects/Project", new { org = Slug, projectId = Project.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Sorted here: asked to sort, SQLite reads the organisation's index of ideas instead of the project's (ProjectCostTests).
        var open = await db.Contributions.AsNoTracking()
            .Where(c => c.ProjectId == Project.Id && c.LinkedToId == null && c.Outcome != OutcomeStatus.Done && c.Outcome != OutcomeStatus.NotPossible)
            .Select(c => new { c.Id, c.Text, c.VoiceCount })
            .ToListAsync(cancellationToken);
        Open = open.OrderByDescending(o => o.VoiceCount).ThenBy(o => o.Id).Select(o => (o.Id, o.Text, o.VoiceCount)).ToList();
    }
}
