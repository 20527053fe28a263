namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>Record that the person was told the outcome: how, and when. Changing the outcome later makes them owed again.</summary>
public sealed class ToldModel(WithUsDbContext db, AuditLog audit, OrganisationClock clock) : OrganisationPageModel
{
    public Guid ContributionId { get; private set; }

    public string ContributionText { get; private set; } = "";

    public string? PersonName { get; private set; }

    /// <summary>The outcome that counts: the idea's own, or for a "me too" the idea it adds a voice to.</summary>
    public OutcomeStatus Outcome { get; private set; }

    public Guid IdeaId { get; private set; }

    /// <summary>On an idea: how many "me too" contributions with a person could be marked as told at once.</summary>
    public int OthersWithAPerson { get; private set; }

    [BindProperty]
    public ToldInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await LoadAsync(contributionId, cancellationToken);

        Input = new ToldInput
        {
            How = contribution.ToldHow,
            When = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Note = contribution.ToldNote,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await LoadAsync(contributionId, cancellationToken);

        if (Outcome == OutcomeStatus.New)
        {
            return Invalid(string.Empty, "Record an outcome before recording that they were told");
        }

        var when = Validate(contribution.LinkedTo ?? contribution);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var told = new List<Contribution> { contribution };
        if (Input.TellEveryone && contribution.LinkedToId is null)
        {
            told.AddRange(await db.Contributions
                .Where(c => c.LinkedToId == contribution.Id && c.PersonId != null)
                .ToListAsync(cancellationToken));
        }

        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        foreach (var c in told)
        {
            c.ToldAtUtc = when;
            c.ToldHow = Input.How;
            c.ToldOutcome = Outcome;
            c.ToldNote = note;
        }

        await db.SaveChangesAsync(cancellationToken);
        var howMany = told.Count == 1 ? "" : $" and {told.Count - 1} who added their voice";
        await audit.RecordAsync("ToldOutcome",
            details: $"{Outcome.DisplayName()}, by {Input.How!.Value.DisplayName().ToLowerInvariant()}{howMany}",
            cancellationToken: cancellationToken);
        Notice = told.Count == 1
            ? "Recorded that they were told."
            : $"Recorded that {told.Count} people were told.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId });
    }

    private DateOnly Today => clock.Today;

    private DateTime Validate(Contribution idea)
    {
        if (string.IsNullOrWhiteSpace(Input.When))
        {
            ModelState.AddModelError("Input.When", "Enter the date you told them");
            return default;
        }

        if (!DateOnly.TryParseExact(Input.When.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            ModelState.AddModelError("Input.When", "Enter a real date, like 2026-03-27");
            return default;
        }

        if (date > Today)
        {
            ModelState.AddModelError("Input.When", "The date you told them must be today or in the past");
        }
        else if (idea.OutcomeAtUtc is { } decided && date < clock.DayOf(decided))
        {
            ModelState.AddModelError("Input.When",
                $"The date you told them must be on or after the outcome was recorded ({clock.Date(decided)})");
        }

        // Told today: the moment itself. An earlier day: the moment that day began where the organisation is.
        return date == Today ? clock.UtcNow : clock.StartOfDayUtc(date);
    }

    private async Task<Contribution> LoadAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions
            .Include(c => c.LinkedTo)
            .Include(c => c.Person)
            .SingleAsync(c => c.Id == contributionId, cancellationToken);

        ContributionId = contribution.Id;
        ContributionText = (contribution.LinkedTo ?? contribution).Text;
        PersonName = contribution.Person?.Name;
        Outcome = (contribution.LinkedTo ?? contribution).Outcome;
        IdeaId = contribution.LinkedToId ?? contribution.Id;
        OthersWithAPerson = contribution.LinkedToId is null
            ? await db.Contributions.CountAsync(c => c.LinkedToId == contribution.Id && c.PersonId != null, cancellationToken)
            : 0;
        return contribution;
    }

    public sealed class ToldInput
    {
        [Required(ErrorMessage = "Choose how you told them")]
        [EnumDataType(typeof(TellingMethod), ErrorMessage = "Choose how you told them")]
        public TellingMethod? How { get; set; }

        public string? When { get; set; }

        [StringLength(Contribution.ToldNoteMaxLength, ErrorMessage = "The note must be 500 characters or fewer")]
        public string? Note { get; set; }

        public bool TellEveryone { get; set; }
    }
}
