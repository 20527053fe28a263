using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>
/// A published idea, in the words staff wrote for the public, where anyone can say "me too" until it is done. A bare
/// "me too" keeps nothing personal, so consent is asked only of those who give their details to hear back.
/// </summary>
public sealed class IdeaModel(WithUsDbContext db, OrganisationClock clock) : PublicFormPageModel
{
    public const string ConsentExplanation =
        "We will keep your name and how to reach you with what you tell us, so we can tell you what happens. We will not show your name publicly.";

    public const string ConsentMissing = "Tick the box to say it is OK for us to keep what you tell us";

    public PublicIdea Idea { get; private set; } = null!;

    [BindProperty]
    public MeTooInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contributionId, cancellationToken))
        {
            return NotFound();
        }

        IssueForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(contributionId, cancellationToken))
        {
            return NotFound();
        }

        if (!Idea.InvitesMeToo)
        {
            // Done while the form was open: nothing is added, and the page says it is done.
            return RedirectToPage("/Public/Idea", new { publicOrg = Slug, contributionId });
        }

        if (SentByBot)
        {
            return Thanks();
        }

        Input.Contact.Validate(ModelState, "Input.Contact");
        if (Input.Contact.Given && !Input.Contact.AwaitingDetails && !Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", ConsentMissing);
        }

        if (NotKeptYet(Input.Contact) is { } again)
        {
            return again;
        }

        var kind = await db.Contributions.Where(c => c.Id == Idea.Id).Select(c => c.Kind).SingleAsync(cancellationToken);
        var person = Input.Contact.AddPerson(db, clock.UtcNow);
        db.Contributions.Add(Contribution.SentOnline(Input.Text, kind, ContributionSource.PublicForm, person?.Id, clock, Idea.Id));
        await db.SaveChangesAsync(cancellationToken);
        return Thanks();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var idea = await PublicIdeas.FindAsync(db, id, cancellationToken);
        if (idea is null)
        {
            return false;
        }

        Idea = idea;
        return true;
    }

    public sealed class MeTooInput
    {
        [StringLength(Contribution.TextMaxLength, ErrorMessage = "What you add must be 4,000 characters or fewer. Try making it shorter")]
        [PlainText(ErrorMessage = "What you add has characters we cannot read. Use letters, numbers, spaces and punctuation")]
        public string? Text { get; set; }

        /// <summary>Asked, and needed, only with contact details.</summary>
        public bool Consent { get; set; }

        public ContactInput Contact { get; set; } = new();
    }
}
