using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Voice.MyVoice;

/// <summary>A partner adds something in their own words. The first time, they become a person here, with their consent.</summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class NewModel(WithUsDbContext db, TenantContext tenant, OrganisationClock clock) : OrganisationPageModel
{
    public const string ConsentExplanation =
        "We will keep what you tell us, with your name, so we can act on it and tell you what happens. We will not show your name publicly.";


    public string OrganisationName => tenant.Organisation!.Name;

    [BindProperty]
    public NewInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Kind is { } kind && !PublicWords.Kinds.Contains(kind))
        {
            ModelState.AddModelError("Input.Kind", "Choose what kind of thing you are telling us");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var userId = CurrentUser.Id(User)!.Value;
        var now = clock.UtcNow;
        var person = await db.People
            .Where(p => p.UserId == userId)
            .OrderBy(p => p.CreatedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            var name = User.FindFirst(WithUsClaimsPrincipalFactory.DisplayNameClaim)?.Value;
            person = new Person
            {
                Id = Ids.New(),
                Name = string.IsNullOrWhiteSpace(name) ? "Partner" : name.Trim()[..Math.Min(name.Trim().Length, Person.NameMaxLength)],
                UserId = userId,
                ConsentToRecord = true,
                ConsentRecordedAtUtc = now,
                ConsentRecordedByUserId = null,
                CreatedAtUtc = now,
            };
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
            PersonId = person.Id,
            Source = ContributionSource.Partner,
            RecordedByUserId = userId,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Thank you. We have saved what you told us.";
        return RedirectToPage("/Voice/MyVoice/Index", new { org = Slug });
    }

    public sealed class NewInput
    {
        [Required(ErrorMessage = "Tell us your idea or what you think")]
        [StringLength(Contribution.TextMaxLength, ErrorMessage = "What you tell us must be 4,000 characters or fewer. Try making it shorter")]
        [PlainText(ErrorMessage = "What you tell us has characters we cannot read. Use letters, numbers, spaces and punctuation")]
        public string? Text { get; set; }

        [Required(ErrorMessage = "Choose what kind of thing you are telling us")]
        public ContributionKind? Kind { get; set; }

        [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to say it is OK for us to keep what you tell us")]
        public bool Consent { get; set; }
    }
}
