using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.People;

/// <summary>Someone would take part in an idea, or wants to hear about it. Interest is in the idea a "me too" adds to.</summary>
public sealed class InterestModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Guid ContributionId { get; private set; }

    public string IdeaText { get; private set; } = "";

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    [BindProperty]
    public InterestInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        await LoadAsync(contributionId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var idea = await LoadAsync(contributionId, cancellationToken);

        if (ModelState["Input.PersonId"]?.Errors.Count > 0)
        {
            ModelState["Input.PersonId"]!.Errors.Clear();
            ModelState.AddModelError("Input.PersonId", "Choose who is interested");
        }
        else if (Input.PersonId is { } chosen && People.All(p => p.Id != chosen))
        {
            ModelState.AddModelError("Input.PersonId", "Choose someone from the list");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var personId = Input.PersonId!.Value;
        var kind = Input.Kind!.Value;
        // A double click: whichever request saves second finds the first's row and sets its kind.
        await db.SaveOrJoinAsync(() => StageAsync(personId, idea.Id, kind, cancellationToken), cancellationToken);

        var name = People.Single(p => p.Id == personId).Name;
        Notice = $"Recorded: {name} {(kind == InterestKind.WouldTakePart ? "would take part" : "wants to hear about it")}.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId });
    }

    /// <summary>Adds the interest, or changes the kind of the one there is (one per person per idea, a unique index).</summary>
    private async Task StageAsync(Guid personId, Guid ideaId, InterestKind kind, CancellationToken cancellationToken)
    {
        var existing = await db.Interests.SingleOrDefaultAsync(i => i.PersonId == personId && i.ContributionId == ideaId, cancellationToken);
        if (existing is null)
        {
            db.Interests.Add(new Interest
            {
                Id = Ids.New(),
                PersonId = personId,
                ContributionId = ideaId,
                Kind = kind,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        else
        {
            existing.Kind = kind;
        }
    }

    private async Task<Contribution> LoadAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions.AsNoTracking().Include(c => c.LinkedTo)
            .SingleAsync(c => c.Id == contributionId, cancellationToken);

        var idea = contribution.LinkedTo ?? contribution;
        ContributionId = contribution.Id;
        IdeaText = idea.Text;
        People = (await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Name))
            .ToList();
        return idea;
    }

    public sealed class InterestInput
    {
        [Required(ErrorMessage = "Choose who is interested")]
        public Guid? PersonId { get; set; }

        [Required(ErrorMessage = "Choose whether they would take part or want to hear about it")]
        [EnumDataType(typeof(InterestKind), ErrorMessage = "Choose whether they would take part or want to hear about it")]
        public InterestKind? Kind { get; set; }
    }
}
