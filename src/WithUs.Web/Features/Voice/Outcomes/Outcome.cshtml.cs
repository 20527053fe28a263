namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>Decide what happens to an idea. Telling the person is a separate step (<see cref="ToldModel"/>).</summary>
public sealed class OutcomeModel(WithUsDbContext db, AuditLog audit, TimeProvider clock) : OrganisationPageModel
{
    /// <summary>The idea whose outcome this is (a "me too" is sent to its idea).</summary>
    public Contribution Contribution => RouteResource<Contribution>();

    public Guid ContributionId => Contribution.Id;

    public string ContributionText => Contribution.Text;

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        var contribution = Contribution;
        if (contribution.LinkedToId is { } ideaId)
        {
            return RedirectToPage("/Voice/Outcomes/Outcome", new { org = Slug, contributionId = ideaId });
        }

        Input = new OutcomeInput
        {
            Status = contribution.Outcome,
            Reason = contribution.NotPossibleReason,
            Explanation = contribution.OutcomeExplanation,
            Publish = contribution.IsPublished,
            PublicSummary = contribution.PublicSummary,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var contribution = Contribution;
        if (contribution.LinkedToId is { } ideaId)
        {
            return RedirectToPage("/Voice/Outcomes/Outcome", new { org = Slug, contributionId = ideaId });
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var status = Input.Status!.Value;
        var reason = status == OutcomeStatus.NotPossible ? Input.Reason : null;
        var explanation = string.IsNullOrWhiteSpace(Input.Explanation) ? null : Input.Explanation.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var before = contribution.Outcome;
        if (before != status || contribution.NotPossibleReason != reason || contribution.OutcomeExplanation != explanation)
        {
            contribution.Outcome = status;
            contribution.NotPossibleReason = reason;
            contribution.OutcomeExplanation = explanation;
            contribution.OutcomeAtUtc = status == OutcomeStatus.New ? null : now;
        }

        if (Input.Publish)
        {
            contribution.PublishedAtUtc = contribution.IsPublished ? contribution.PublishedAtUtc : now;
            contribution.IsPublished = true;
            contribution.PublicSummary = Input.PublicSummary!.Trim();
        }
        else
        {
            contribution.IsPublished = false;
            contribution.PublishedAtUtc = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        var published = Input.Publish ? "; published on \"You said, we did\"" : "";
        await audit.RecordAsync("OutcomeRecorded",
            details: $"From {before.DisplayName()} to {status.DisplayName()}{published}", cancellationToken: cancellationToken);
        Notice = $"Outcome saved: {status.DisplayName()}.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = contribution.Id });
    }

    private void Validate()
    {
        if (Input.Status is { } status && Enum.IsDefined(status))
        {
            if (status == OutcomeStatus.NotPossible && (Input.Reason is not { } reason || !Enum.IsDefined(reason)))
            {
                ModelState.AddModelError("Input.Reason", "Choose why it is not possible");
            }

            if (status != OutcomeStatus.New && string.IsNullOrWhiteSpace(Input.Explanation))
            {
                ModelState.AddModelError("Input.Explanation", "Explain the outcome in plain words, as you would tell them");
            }
        }

        if (Input.Publish && string.IsNullOrWhiteSpace(Input.PublicSummary))
        {
            ModelState.AddModelError("Input.PublicSummary", "Write a short summary to publish, or untick publish");
        }
    }

    public sealed class OutcomeInput
    {
        [Required(ErrorMessage = "Choose the outcome")]
        [EnumDataType(typeof(OutcomeStatus), ErrorMessage = "Choose the outcome")]
        public OutcomeStatus? Status { get; set; }

        public NotPossibleReason? Reason { get; set; }

        [StringLength(Contribution.ExplanationMaxLength, ErrorMessage = "The explanation must be 2000 characters or fewer")]
        public string? Explanation { get; set; }

        public bool Publish { get; set; }

        [StringLength(Contribution.PublicSummaryMaxLength, ErrorMessage = "The public summary must be 500 characters or fewer")]
        public string? PublicSummary { get; set; }
    }
}
