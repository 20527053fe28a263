using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

/// <summary>
/// Staff record one answer a person gave about one kind of consent: yes or no, and how it reached them. Every answer
/// is kept; the newest stands. Saying no to contact takes them off every reach-back list in the same save.
/// </summary>
public sealed class ConsentAnswerModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public ConsentKind Kind { get; private set; }

    public ConsentState State { get; private set; } = new([]);

    [BindProperty]
    public bool? Given { get; set; }

    [BindProperty]
    public ConsentHowInput How { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken))
        {
            return NotFound();
        }

        // Not filled in from their last answer: each answer is asked afresh, and the one that stands is shown above.
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(kind, cancellationToken))
        {
            return NotFound();
        }

        if (ModelState.TryGetValue(nameof(Given), out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Given = null;
        }

        if (Given is null)
        {
            ModelState.AddModelError(nameof(Given), "Choose yes or no");
        }

        How.Validate(ModelState, "How.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        await PeopleRegister.RecordAsync(db, Person, Kind, Given!.Value, How.ToSource(CurrentUser.Id(User)), clock.GetUtcNow().UtcDateTime,
            cancellationToken);
        if (Kind == ConsentKind.Record && Given == false)
        {
            // Erasure is then owed to them: it waits, with its date, on the staff home until an administrator does it.
            await Mine.RemovalRequests.AskAsync(db, Person, OrganisationClock.For(Organisation, clock), cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The same "no" sent twice at once: the other click saved it, with its request.
            return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
        }
        if (Kind == ConsentKind.Contact && Given == true && Person.ContactBy is null)
        {
            Notice = "Saved. Now say how they would like to be contacted.";
            return RedirectToPage("/People/Edit", new { org = Slug, personId = Person.Id });
        }

        Notice = Kind switch
        {
            ConsentKind.Contact when Given == false => $"Saved. {Person.Name} will not be on any list of people to contact.",
            ConsentKind.Record when Given == false => $"Saved. {Person.Name} no longer agrees that we keep what they say with their name: their record must be erased within a month (it is on the list of requests about people's data).",
            _ => "Saved.",
        };
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    private async Task<bool> LoadAsync(string kind, CancellationToken cancellationToken)
    {
        if (ConsentWords.FromSlug(kind) is not { } known)
        {
            return false;
        }

        Kind = known;
        State = await ConsentState.LoadAsync(db, Person.Id, cancellationToken);
        return true;
    }
}
