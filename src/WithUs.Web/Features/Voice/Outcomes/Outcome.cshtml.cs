using System.Security.Cryptography;
using System.Text;

namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Decide what happens to an idea, and what, if anything, the public read about it. What is written for the person
/// who said it and what is published are separate fields; a change to what the public see is shown to staff, exactly
/// as it will look, before it goes out. Telling the person is a separate step (<see cref="ToldModel"/>).
/// </summary>
public sealed class OutcomeModel(WithUsDbContext db, AuditLog audit, OrganisationClock clock) : OrganisationPageModel
{
    /// <summary>The idea whose outcome this is (a "me too" is sent to its idea).</summary>
    public Contribution Contribution => RouteResource<Contribution>();

    public Guid ContributionId => Contribution.Id;

    public string ContributionText => Contribution.Text;

    [BindProperty]
    public OutcomeInput Input { get; set; } = new();

    /// <summary>Set when the page shows what the public will see: the card, or null when nothing will be published.</summary>
    public PublicCard? Preview { get; private set; }

    public bool Previewing { get; private set; }

    /// <summary>They saved a change to what the public see without having checked it: the check comes first.</summary>
    public bool CheckBeforeSaving { get; private set; }

    public bool ComesOffThePublicPages => Previewing && !Input.Publish && Contribution.IsPublished;

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
            PublicOutcome = contribution.PublicOutcome,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (Contribution.LinkedToId is { } ideaId)
        {
            return RedirectToPage("/Voice/Outcomes/Outcome", new { org = Slug, contributionId = ideaId });
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        await ShowPreviewAsync(Decide(), cancellationToken);
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

        var decision = Decide();
        if (Input.Publish && ChangesWhatThePublicSee(contribution, decision) && Input.Previewed != decision.Fingerprint)
        {
            CheckBeforeSaving = true;
            await ShowPreviewAsync(decision, cancellationToken);
            return Page();
        }

        var before = contribution.Outcome;
        contribution.Outcome = decision.Status;
        contribution.NotPossibleReason = decision.Reason;
        contribution.OutcomeExplanation = decision.Explanation;
        contribution.OutcomeAtUtc = decision.OutcomeAtUtc;
        if (Input.Publish)
        {
            contribution.PublishedAtUtc = contribution.IsPublished ? contribution.PublishedAtUtc : clock.UtcNow;
            contribution.IsPublished = true;
            contribution.PublicSummary = decision.PublicSummary;
            contribution.PublicOutcome = decision.PublicOutcome;
        }
        else
        {
            contribution.IsPublished = false;
            contribution.PublishedAtUtc = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        var published = Input.Publish ? "; published on \"You said, we did\"" : "";
        await audit.RecordAsync("OutcomeRecorded",
            details: $"From {before.DisplayName()} to {decision.Status.DisplayName()}{published}", cancellationToken: cancellationToken);
        Notice = $"Outcome saved: {decision.Status.DisplayName()}.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = contribution.Id });
    }

    /// <summary>What saving would store: the outcome's time moves only when the outcome itself changes.</summary>
    private Decision Decide()
    {
        var contribution = Contribution;
        var status = Input.Status!.Value;
        var reason = status == OutcomeStatus.NotPossible ? Input.Reason : null;
        var explanation = string.IsNullOrWhiteSpace(Input.Explanation) ? null : Input.Explanation.Trim();
        var changed = contribution.Outcome != status || contribution.NotPossibleReason != reason || contribution.OutcomeExplanation != explanation;
        var outcomeAt = !changed ? contribution.OutcomeAtUtc : status == OutcomeStatus.New ? null : clock.UtcNow;
        var publicOutcome = string.IsNullOrWhiteSpace(Input.PublicOutcome) ? null : Input.PublicOutcome.Trim();
        return new Decision(status, reason, explanation, outcomeAt, Input.PublicSummary?.Trim(), publicOutcome);
    }

    private static bool ChangesWhatThePublicSee(Contribution contribution, Decision decision) =>
        !contribution.IsPublished || contribution.PublicSummary != decision.PublicSummary
        || contribution.PublicOutcome != decision.PublicOutcome || contribution.Outcome != decision.Status
        || contribution.NotPossibleReason != decision.Reason;

    private async Task ShowPreviewAsync(Decision decision, CancellationToken cancellationToken)
    {
        Previewing = true;
        Input.Previewed = decision.Fingerprint;
        if (!Input.Publish)
        {
            return;
        }

        var contribution = Contribution;
        var voices = (await VoiceCounts.ForAsync(db, [contribution.Id], cancellationToken)).GetValueOrDefault(contribution.Id, 1);
        var when = decision.OutcomeAtUtc ?? (contribution.IsPublished ? contribution.PublishedAtUtc : null) ?? clock.UtcNow;
        Preview = new PublicCard(decision.PublicSummary!, decision.Status, decision.Reason, decision.PublicOutcome, voices, clock.Date(when));
    }

    private void Validate()
    {
        if (Input.Status is { } status && Enum.IsDefined(status))
        {
            if (status == OutcomeStatus.PartOfProject && Contribution.ProjectId is null && Contribution.Outcome != OutcomeStatus.PartOfProject)
            {
                ModelState.AddModelError("Input.Status", "It is not part of a project yet. Start a project from it, or add it from the project's page");
            }

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
            ModelState.AddModelError("Input.PublicSummary", "Write what people asked for, for the public, or untick publish");
        }
    }

    private sealed record Decision(OutcomeStatus Status, NotPossibleReason? Reason, string? Explanation, DateTime? OutcomeAtUtc,
        string? PublicSummary, string? PublicOutcome)
    {
        /// <summary>Stands for exactly what the public would read, so a save can tell whether that is what was checked.</summary>
        public string Fingerprint => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', PublicSummary, PublicOutcome, Status, Reason))));
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

        [StringLength(Contribution.PublicSummaryMaxLength, ErrorMessage = "What people asked for must be 500 characters or fewer")]
        public string? PublicSummary { get; set; }

        [StringLength(Contribution.PublicOutcomeMaxLength, ErrorMessage = "What we did must be 1,000 characters or fewer")]
        public string? PublicOutcome { get; set; }

        /// <summary>What the public would read when staff last checked it (see <see cref="Decision.Fingerprint"/>).</summary>
        public string? Previewed { get; set; }
    }
}
