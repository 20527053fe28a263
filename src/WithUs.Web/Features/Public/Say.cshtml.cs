using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>Anyone, without an account, tells the organisation an idea or what they think.</summary>
public sealed class SayModel(WithUsDbContext db, TenantContext tenant, OrganisationClock clock) : PublicFormPageModel(tenant)
{
    [BindProperty]
    public SayInput Input { get; set; } = new();

    public void OnGet() => IssueForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SentByBot)
        {
            return RedirectToPage("Thanks", new { publicOrg = Slug });
        }

        var inTime = CameInTime();
        if (Input.Kind is { } kind && !PublicWords.Kinds.Contains(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose what kind of thing you are telling us");
        }

        Input.Contact.Validate(ModelState, "Input.Contact");
        if (!inTime || !ModelState.IsValid)
        {
            return Refused();
        }

        var now = clock.UtcNow;
        var person = Input.Contact.Given ? Input.Contact.ToPerson(now) : null;
        if (person is not null)
        {
            db.People.Add(person);
        }

        db.Contributions.Add(new Contribution
        {
            Id = Ids.New(),
            Text = PlainTextAttribute.Clean(Input.Text),
            Kind = Input.Kind!.Value,
            Channel = Channel.OnlineForm,
            SaidOnUtc = clock.StoredToday,
            Provenance = Provenance.FirstHand,
            PersonId = person?.Id,
            Source = ContributionSource.PublicForm,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage("Thanks", new { publicOrg = Slug });
    }

    public sealed class SayInput
    {
        [Required(ErrorMessage = "Tell us your idea or what you think")]
        [StringLength(Contribution.TextMaxLength, ErrorMessage = "What you tell us must be 4,000 characters or fewer. Try making it shorter")]
        [PlainText(ErrorMessage = "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "Choose what kind of thing you are telling us")]
        public ContributionKind? Kind { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to say it is OK for us to keep what you tell us")]
        public bool Consent { get; set; }

        public ContactInput Contact { get; set; } = new();
    }
}
