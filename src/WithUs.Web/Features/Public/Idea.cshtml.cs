using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>A published idea, in the words staff wrote for the public, where anyone can say "me too".</summary>
public sealed class IdeaModel(WithUsDbContext db, OrganisationClock clock) : PublicFormPageModel
{
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

        if (SentByBot)
        {
            return Thanks();
        }

        var inTime = CameInTime();
        Input.Contact.Validate(ModelState, "Input.Contact");
        if (!inTime || !ModelState.IsValid)
        {
            return Refused();
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

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to say it is OK for us to keep what you tell us")]
        public bool Consent { get; set; }

        public ContactInput Contact { get; set; } = new();
    }
}
