namespace WithUs.Web.Features.People;

/// <summary>
/// Staff keep the equality monitoring answers a person gave them (on paper, on the phone), once the person has agreed
/// to answer. Staff never see what is kept: the page says only whether and when answers were given, and a new set
/// replaces the old one. The person sees and changes their own answers on their own pages.
/// </summary>
public sealed class EqualityModel(WithUsDbContext db, EqualityMonitoring monitoring) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    public bool Agreed { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    [BindProperty]
    public EqualityInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Agreed)
        {
            ModelState.AddModelError(string.Empty, $"{Person.Name} has not agreed to answer these questions: record their agreement first");
            return Invalid();
        }

        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var given = Input.Given();
        if (given.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose at least one answer, or \"Prefer not to say\"");
            return Invalid();
        }

        await monitoring.KeepAnswersAsync(Person, given, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved. Their answers are sealed: nobody can read them on their record, and they are only ever counted with everyone else's.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    public async Task<IActionResult> OnPostForgetAsync(CancellationToken cancellationToken)
    {
        await monitoring.ForgetAsync(Person.Id, SealedDetailKind.EqualityAnswers, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Their equality monitoring answers are gone.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var consents = await ConsentState.LoadAsync(db, Person.Id, cancellationToken);
        Agreed = consents.Gives(ConsentKind.EqualityMonitoring);
        AnsweredAtUtc = await monitoring.AnsweredAtAsync(Person.Id, cancellationToken);
    }
}
