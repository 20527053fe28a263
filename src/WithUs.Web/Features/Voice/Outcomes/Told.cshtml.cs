using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Voice.Outcomes;

/// <summary>
/// Record that people were told the outcome: how, and when. On an idea, everyone who added their voice can be told
/// in the same step, each by their own way of being contacted; anyone who asked not to be contacted is left out and
/// shown why. Changing the outcome later makes them owed again.
/// </summary>
public sealed class ToldModel(WithUsDbContext db, AuditLog audit, OrganisationClock clock) : OrganisationPageModel
{
    /// <summary>The contribution the page is for: an idea, or a "me too" (whose idea's outcome is the one told).</summary>
    public Contribution Contribution => RouteResource<Contribution>();

    public Guid ContributionId => Contribution.Id;

    /// <summary>What was said: the idea's words, also for a "me too".</summary>
    public string ContributionText => Idea.Text;

    public string? PersonName => Contribution.Person?.Name;

    /// <summary>Said without a name: nobody to tell for this contribution itself, only the others who added their voice.</summary>
    public bool IsAnonymous => Contribution.PersonId is null;

    /// <summary>Everyone here without a name (this contribution, if so, and anonymous "me too"s), who hear only through the public page.</summary>
    public int Nameless => Anonymous + (IsAnonymous ? 1 : 0);

    /// <summary>Whether the outcome is on the public "You said, we did" page, the one way people without a name hear it.</summary>
    public bool IsPublished => Idea.IsPublished;

    /// <summary>Whoever said this asked not to be contacted (staff may still have told them, say in person).</summary>
    public bool AskedNotToBeContacted => Contribution.Person is { } person && !OwedReplies.CanBeTold(person);

    /// <summary>The outcome that counts: the idea's own, or for a "me too" the idea it adds a voice to.</summary>
    public OutcomeStatus Outcome => Idea.Outcome;

    public Guid IdeaId => Idea.Id;

    /// <summary>On an idea: the others who added their voice and have not been told this outcome, to tell at once.</summary>
    public IReadOnlyList<Voice> Others { get; private set; } = [];

    /// <summary>On an idea: others who added their voice but asked not to be contacted.</summary>
    public IReadOnlyList<Voice> LeftOut { get; private set; } = [];

    /// <summary>On an idea: others who were already told this outcome.</summary>
    public int AlreadyTold { get; private set; }

    /// <summary>On an idea: "me too"s with nobody's name, who cannot be told.</summary>
    public int Anonymous { get; private set; }

    [BindProperty]
    public ToldInput Input { get; set; } = new();

    private Contribution Idea => Contribution.LinkedTo ?? Contribution;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new ToldInput
        {
            How = Contribution.ToldHow ?? Preferred(Contribution.Person),
            When = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Note = Contribution.ToldNote,
            Others = Others.Select(v => new OtherInput { ContributionId = v.ContributionId, Told = true, How = v.PreferredHow }).ToList(),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Outcome == OutcomeStatus.New)
        {
            return Invalid(string.Empty, "Record an outcome before recording that they were told");
        }

        if (IsAnonymous && Others.Count == 0)
        {
            return Invalid(string.Empty, "Nobody here gave a name, so there is nobody to record as told");
        }

        if (IsAnonymous)
        {
            ModelState.Remove("Input.How");
        }

        var when = Validate(Idea);
        var others = ToldOthers();
        if (IsAnonymous && others.Count == 0 && ModelState.IsValid)
        {
            // The key is the first checkbox's id, so the error summary links to it.
            ModelState.AddModelError(NobodyTickedKey, "Tick each person you told");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var told = IsAnonymous ? [] : new List<(Contribution Contribution, TellingMethod How)> { (Contribution, Input.How!.Value) };
        if (others.Count > 0)
        {
            var ids = others.Keys.ToList();
            var voices = await db.Contributions.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
            told.AddRange(voices.Select(v => (v, others[v.Id])));
        }

        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        foreach (var (c, how) in told)
        {
            c.ToldAtUtc = when;
            c.ToldHow = how;
            c.ToldOutcome = Outcome;
            c.ToldNote = note;
        }

        await db.SaveChangesAsync(cancellationToken);
        var ways = string.Join(", ", told.GroupBy(t => t.How).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} by {g.Key.DisplayName().ToLowerInvariant()}"));
        await audit.RecordAsync("ToldOutcome", details: $"{Outcome.DisplayName()}: {ways}", cancellationToken: cancellationToken);
        Notice = told.Count == 1
            ? "Recorded that they were told."
            : $"Recorded that {told.Count} people were told.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId = Contribution.Id });
    }

    /// <summary>How to tell someone, from how they asked to be contacted (nothing when they did not say).</summary>
    public static TellingMethod? Preferred(Person? person) => person?.ContactBy switch
    {
        ContactMethod.Email => TellingMethod.Email,
        ContactMethod.Phone => TellingMethod.Phone,
        ContactMethod.TextMessage => TellingMethod.TextMessage,
        ContactMethod.InPerson => TellingMethod.InPerson,
        ContactMethod.Post => TellingMethod.Letter,
        _ => null,
    };

    /// <summary>The error when nobody was ticked on an anonymous contribution: the first checkbox's id.</summary>
    public const string NobodyTickedKey = "Input_Others_0_Told";

    /// <summary>The field (and error) for how the other at this place in <see cref="Others"/> was told.</summary>
    public static string OtherHowKey(int index) => $"Input.Others[{index}].How";

    /// <summary>What was posted for this other, if anything (the form again after an error).</summary>
    public OtherInput? Posted(Voice voice) => Input.Others.FirstOrDefault(o => o.ContributionId == voice.ContributionId);

    private DateOnly Today => clock.Today;

    /// <summary>
    /// The others ticked as told, each with how, checked against the voices this idea really has (a made-up or
    /// another idea's id is ignored).
    /// </summary>
    private Dictionary<Guid, TellingMethod> ToldOthers()
    {
        var told = new Dictionary<Guid, TellingMethod>();
        foreach (var posted in Input.Others)
        {
            if (!posted.Told || Others.FirstOrDefault(v => v.ContributionId == posted.ContributionId) is not { } voice)
            {
                continue;
            }

            if (posted.How is { } how && Enum.IsDefined(how))
            {
                told[voice.ContributionId] = how;
            }
            else
            {
                ModelState.AddModelError(OtherHowKey(Others.ToList().IndexOf(voice)), $"Choose how you told {voice.PersonName}");
            }
        }

        return told;
    }

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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await db.Entry(Contribution).Reference(c => c.LinkedTo).LoadAsync(cancellationToken);
        await db.Entry(Contribution).Reference(c => c.Person).LoadAsync(cancellationToken);
        if (Contribution.LinkedToId is not null)
        {
            return;
        }

        var outcome = Contribution.Outcome;
        var voices = await db.Contributions.AsNoTracking()
            .Where(c => c.LinkedToId == Contribution.Id)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Text,
                c.Person,
                ToldThis = c.ToldAtUtc != null && c.ToldOutcome == outcome,
            })
            .ToListAsync(cancellationToken);
        Anonymous = voices.Count(v => v.Person is null);
        AlreadyTold = voices.Count(v => v.Person is not null && v.ToldThis);
        var untold = voices.Where(v => v.Person is not null && !v.ToldThis)
            .Select(v => (Voice: new Voice(v.Id, v.Person!.Name, VoiceText.Said(v.Text, isMeToo: true, 140), Preferred(v.Person)),
                CanBeTold: OwedReplies.CanBeTold(v.Person)))
            .ToList();
        Others = untold.Where(v => v.CanBeTold).Select(v => v.Voice).ToList();
        LeftOut = untold.Where(v => !v.CanBeTold).Select(v => v.Voice).ToList();
    }

    /// <summary>Someone who added their voice to the idea: who, their own words, and how they like to be contacted.</summary>
    public sealed record Voice(Guid ContributionId, string PersonName, string Said, TellingMethod? PreferredHow);

    public sealed class ToldInput
    {
        [Required(ErrorMessage = "Choose how you told them")]
        [EnumDataType(typeof(TellingMethod), ErrorMessage = "Choose how you told them")]
        public TellingMethod? How { get; set; }

        public string? When { get; set; }

        [StringLength(Contribution.ToldNoteMaxLength, ErrorMessage = "The note must be 500 characters or fewer")]
        public string? Note { get; set; }

        /// <summary>The others who added their voice, in the order shown.</summary>
        public List<OtherInput> Others { get; set; } = [];
    }

    public sealed class OtherInput
    {
        public Guid ContributionId { get; set; }

        public bool Told { get; set; }

        public TellingMethod? How { get; set; }
    }
}
