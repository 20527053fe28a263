using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.Voice;

/// <summary>
/// Staff record what someone said, in one short form: the words, what kind of thing it is, where and when, who said
/// it (anonymous, someone known, or someone new who agreed to be recorded) and themes. Earlier ideas like it are
/// offered as they type (or on a check step without JavaScript) so they can add a voice instead of a duplicate, and
/// so are the themes those ideas were given, for staff to tick in one move.
/// </summary>
public sealed class NewModel(WithUsDbContext db, SimilarContributions similar, ThemeSuggestions themeSuggestions,
    OrganisationClock clock) : OrganisationPageModel
{
    public const string ChannelCookie = "withus-channel";
    public const int SuggestionCount = 3;

    [BindProperty]
    public CaptureInput Input { get; set; } = new();

    /// <summary>The person has been shown the similar ideas (by htmx or the check step) and chose to save as new.</summary>
    [BindProperty]
    public bool Checked { get; set; }

    /// <summary>"Me too": the idea this contribution adds a voice to.</summary>
    [BindProperty]
    public Guid? LinkTo { get; set; }

    /// <summary>A suggested theme chosen without JavaScript: the form comes back with it ticked, not saved.</summary>
    [BindProperty]
    public Guid? AddTheme { get; set; }

    /// <summary>The themes the page shows as suggestions now (ids, comma-separated), so a pause that suggests the same
    /// ones leaves them alone and a screen reader does not announce them again.</summary>
    [BindProperty]
    public string? ShownThemes { get; set; }

    /// <summary>"Another" to come back to an empty form after saving (keeping the day and channel only).</summary>
    [BindProperty]
    public string? Then { get; set; }

    public IReadOnlyList<PersonOption> People { get; private set; } = [];

    public IReadOnlyList<ThemeOption> Themes { get; private set; } = [];

    /// <summary>Set on the no-JavaScript check step: the ideas like this one, asked about before saving.</summary>
    public IReadOnlyList<SimilarContribution> CheckSuggestions { get; private set; } = [];

    /// <summary>Set on the check step: the themes offered beside the checkboxes.</summary>
    public IReadOnlyList<SuggestedTheme> SuggestedThemes { get; private set; } = [];

    public async Task OnGetAsync(Guid? personId, string? saidOn, CancellationToken cancellationToken)
    {
        Input.SaidOn = saidOn is not null && DateText.Parse(saidOn) is { } day && day <= Today ? DateText.Format(day) : DateText.Format(Today);
        if (Request.Cookies.TryGetValue(ChannelCookie, out var remembered) && Enum.TryParse<Channel>(remembered, out var channel)
            && Enum.IsDefined(channel))
        {
            Input.Channel = channel;
        }

        await LoadChoicesAsync(cancellationToken);
        if (personId is { } id && People.Any(p => p.Id == id))
        {
            Input.Who = WhoSaidIt.Known;
            Input.PersonId = id;
        }
    }

    /// <summary>
    /// The htmx fragment: earlier ideas like the text typed so far and, swapped beside the theme checkboxes only when
    /// they change, the themes those ideas suggest.
    /// </summary>
    public async Task<IActionResult> OnPostSimilarAsync(CancellationToken cancellationToken)
    {
        var text = Input.Text;
        var typed = !string.IsNullOrWhiteSpace(text) && text.Length <= Contribution.TextMaxLength && !VoiceText.LooksBinary(text);
        var found = typed ? await similar.FindAsync(text, ThemeSuggestions.IdeasConsidered, cancellationToken: cancellationToken) : [];
        var themes = typed ? await themeSuggestions.SuggestAsync(text, found, cancellationToken) : [];
        var changed = !themes.Select(t => t.Id).SequenceEqual(Shown(ShownThemes));
        return Partial("_WhileTyping", new WhileTyping(
            new SimilarSuggestions(Slug, found.Take(SuggestionCount).ToList(), CheckStep: false), changed ? themes : null));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (AddTheme is { } chosen && Themes.Any(t => t.Id == chosen) && !Input.ThemeIds.Contains(chosen))
        {
            Input.ThemeIds.Add(chosen);
        }

        var today = Today;
        var saidOn = Validate(today);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        if (AddTheme is not null)
        {
            // Choosing a theme is not saving: the check step comes back as it was, with the theme ticked.
            await CheckAsync(cancellationToken);
            return Page();
        }

        Guid? linkTo = null;
        if (LinkTo is { } target)
        {
            linkTo = await db.Contributions.Where(c => c.Id == target).Select(c => (Guid?)(c.LinkedToId ?? c.Id))
                .SingleOrDefaultAsync(cancellationToken);
            if (linkTo is null)
            {
                return Invalid(string.Empty, "The idea you chose to add a voice to is no longer here. Save this as new, or choose another");
            }
        }
        else if (!Checked && await CheckAsync(cancellationToken))
        {
            return Page();
        }

        var now = clock.UtcNow;
        var userId = CurrentUser.Id(User);
        var personId = Input.Who == WhoSaidIt.Known ? Input.PersonId : null;
        string? personName = Input.Who == WhoSaidIt.Known ? People.Single(p => p.Id == Input.PersonId).Name : null;
        if (Input.Who == WhoSaidIt.New)
        {
            var mayContact = Input.NewMayContact;
            var method = mayContact ? Input.NewContactBy : null;
            var contact = new ContactChoice(mayContact, method, PersonDetails.Email(Input.NewEmail).Value, PersonDetails.Phone(Input.NewPhone).Value);
            var person = PeopleRegister.Add(db, PersonDetails.Name(Input.NewName).Value!, contact,
                ConsentSource.FromCapture(Input.Channel ?? Channel.Other, Input.Provenance, Input.RelayedBy, userId), now);
            personId = person.Id;
            personName = person.Name;
        }

        var contribution = new Contribution
        {
            Id = Ids.New(),
            Text = Input.Text.Trim(),
            Kind = Input.Kind!.Value,
            Channel = Input.Channel!.Value,
            SaidOnUtc = OrganisationClock.Stored(saidOn!.Value),
            Provenance = Input.Provenance,
            RelayedBy = Input.Provenance == Provenance.OnTheirBehalf && !string.IsNullOrWhiteSpace(Input.RelayedBy)
                ? Input.RelayedBy.Trim()
                : null,
            PersonId = personId,
            Source = ContributionSource.Staff,
            RecordedByUserId = userId,
            LinkedToId = linkTo,
            Outcome = OutcomeStatus.New,
            CreatedAtUtc = now,
        };
        db.Contributions.Add(contribution);
        foreach (var themeId in Input.ThemeIds.Distinct())
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = Ids.New(), ContributionId = contribution.Id, ThemeId = themeId });
        }

        await db.SaveChangesAsync(cancellationToken);

        Response.Cookies.Append(ChannelCookie, contribution.Channel.ToString(), new CookieOptions
        {
            Path = Url.Page("/Organisations/Index", new { org = Slug })!,
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });

        var who = personName ?? "someone anonymous";
        Notice = linkTo is null
            ? $"Saved what {who} said."
            : $"Saved what {who} said, as another voice for something said earlier.";
        if (Then == "Another")
        {
            // The day and channel carry over; who said it does not, so the next person's words are never put down to
            // this one by a selection they cannot see.
            return RedirectToPage("/Voice/New", new { org = Slug, saidOn = DateText.Format(saidOn.Value) });
        }

        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = contribution.Id });
    }

    private DateOnly Today => clock.Today;

    /// <summary>Finds what the check step asks about: earlier ideas like this one, and the themes they suggest. True if there are any such ideas.</summary>
    private async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        var found = await similar.FindAsync(Input.Text, ThemeSuggestions.IdeasConsidered, cancellationToken: cancellationToken);
        CheckSuggestions = found.Take(SuggestionCount).ToList();
        if (CheckSuggestions.Count == 0)
        {
            return false;
        }

        SuggestedThemes = await themeSuggestions.SuggestAsync(Input.Text, found, cancellationToken);
        Checked = true;
        return true;
    }

    private static IEnumerable<Guid> Shown(string? ids) =>
        (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty);

    private DateOnly? Validate(DateOnly today)
    {
        if (!string.IsNullOrEmpty(Input.Text) && VoiceText.LooksBinary(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "What they said contains characters that are not text. Type or paste it as plain text");
        }

        DateOnly? saidOn = null;
        if (string.IsNullOrWhiteSpace(Input.SaidOn))
        {
            ModelState.AddModelError("Input.SaidOn", "Enter the date it was said");
        }
        else if (DateText.Parse(Input.SaidOn) is not { } day)
        {
            ModelState.AddModelError("Input.SaidOn", "The date it was said must be a real date, like 21/11/2026");
        }
        else if (day > today)
        {
            ModelState.AddModelError("Input.SaidOn", "The date it was said must be today or in the past");
        }
        else if (day.Year < 1900)
        {
            ModelState.AddModelError("Input.SaidOn", "The date it was said must be after 1900");
        }
        else
        {
            saidOn = day;
        }

        if (Input.Provenance == Provenance.OnTheirBehalf && VoiceText.LooksBinary(Input.RelayedBy))
        {
            ModelState.AddModelError("Input.RelayedBy", "Who told us contains characters that are not text");
        }

        switch (Input.Who)
        {
            case WhoSaidIt.Known:
                if (Input.PersonId is not { } id || People.All(p => p.Id != id))
                {
                    ModelState.AddModelError("Input.PersonId", "Choose who said it");
                }

                break;
            case WhoSaidIt.New:
                ValidateNewPerson();
                break;
        }

        if (Input.ThemeIds.Any(t => Themes.All(o => o.Id != t)))
        {
            ModelState.AddModelError("Input.ThemeIds", "Choose themes from the list");
        }

        return saidOn;
    }

    private void ValidateNewPerson()
    {
        var name = PersonDetails.Name(Input.NewName, "Their name");
        if (name.IsMissing)
        {
            ModelState.AddModelError("Input.NewName", "Enter their name or a pseudonym");
        }
        else if (name.Problem is { } nameProblem)
        {
            ModelState.AddModelError("Input.NewName", nameProblem);
        }

        if (!Input.NewConsent)
        {
            ModelState.AddModelError("Input.NewConsent",
                "Tick to show they agreed we can keep what they said with their name, or record it as anonymous");
        }

        if (!Input.NewMayContact)
        {
            return;
        }

        switch (Input.NewContactBy)
        {
            case null or not (ContactMethod.Email or ContactMethod.Phone or ContactMethod.TextMessage or ContactMethod.InPerson):
                ModelState.AddModelError("Input.NewContactBy", "Choose how they would like to be contacted");
                break;
            case ContactMethod.Email:
                var email = PersonDetails.Email(Input.NewEmail);
                if (email.IsMissing)
                {
                    ModelState.AddModelError("Input.NewEmail", "Enter their email address");
                }
                else if (email.Problem is { } emailProblem)
                {
                    ModelState.AddModelError("Input.NewEmail", emailProblem);
                }

                break;
            case ContactMethod.Phone or ContactMethod.TextMessage:
                var phone = PersonDetails.Phone(Input.NewPhone);
                if (phone.IsMissing)
                {
                    ModelState.AddModelError("Input.NewPhone", "Enter their phone number");
                }
                else if (phone.Problem is { } phoneProblem)
                {
                    ModelState.AddModelError("Input.NewPhone", phoneProblem);
                }

                break;
        }
    }

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        People = await db.People.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PersonOption(p.Id, p.Name))
            .ToListAsync(cancellationToken);
        Themes = await db.Themes.AsNoTracking()
            .Where(t => !t.IsArchived)
            .OrderBy(t => t.Name)
            .Select(t => new ThemeOption(t.Id, t.Name))
            .ToListAsync(cancellationToken);
    }

    public sealed record PersonOption(Guid Id, string Name);

    public sealed record ThemeOption(Guid Id, string Name);

    public enum WhoSaidIt
    {
        Anonymous = 0,
        Known = 1,
        New = 2,
    }

    public sealed class CaptureInput
    {
        [Required(ErrorMessage = "Enter what they said")]
        [StringLength(Contribution.TextMaxLength, ErrorMessage = "What they said must be 4,000 characters or fewer")]
        public string Text { get; set; } = "";

        [Required(ErrorMessage = "Choose what kind of thing it is")]
        [EnumDataType(typeof(ContributionKind), ErrorMessage = "Choose what kind of thing it is")]
        public ContributionKind? Kind { get; set; } = ContributionKind.Idea;

        [Required(ErrorMessage = "Choose where it was said")]
        [EnumDataType(typeof(Channel), ErrorMessage = "Choose where it was said")]
        public Channel? Channel { get; set; } = Voice.Channel.Conversation;

        public string? SaidOn { get; set; }

        [EnumDataType(typeof(Provenance), ErrorMessage = "Choose whether they said it to us or someone told us for them")]
        public Provenance Provenance { get; set; }

        [StringLength(Contribution.RelayedByMaxLength, ErrorMessage = "Who told us must be 200 characters or fewer")]
        public string? RelayedBy { get; set; }

        [EnumDataType(typeof(WhoSaidIt), ErrorMessage = "Choose who said it")]
        public WhoSaidIt Who { get; set; }

        public Guid? PersonId { get; set; }

        public string? NewName { get; set; }

        public bool NewConsent { get; set; }

        public bool NewMayContact { get; set; }

        [EnumDataType(typeof(ContactMethod), ErrorMessage = "Choose how they would like to be contacted")]
        public ContactMethod? NewContactBy { get; set; }

        public string? NewEmail { get; set; }

        public string? NewPhone { get; set; }

        public List<Guid> ThemeIds { get; set; } = [];
    }
}

/// <summary>What the similar-ideas fragment shows, in the htmx region or on the check step.</summary>
public sealed record SimilarSuggestions(string Slug, IReadOnlyList<SimilarContribution> Items, bool CheckStep);

/// <summary>The answer to a pause in typing: the similar ideas, and the suggested themes if they changed (null if not).</summary>
public sealed record WhileTyping(SimilarSuggestions Similar, IReadOnlyList<SuggestedTheme>? Themes);
