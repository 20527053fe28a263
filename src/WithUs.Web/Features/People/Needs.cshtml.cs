namespace WithUs.Web.Features.People;

/// <summary>How someone takes part: their pronouns, languages, access needs and when not to contact them.</summary>
public sealed class NeedsModel(WithUsDbContext db, EqualityMonitoring sealedDetails) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    /// <summary>A private need is sealed for them: staff may replace or remove it, never read it.</summary>
    public bool PrivateNeedKept { get; private set; }

    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input = NeedsInput.From(Person);
        PrivateNeedKept = await sealedDetails.HasPrivateNeedAsync(Person.Id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        PrivateNeedKept = await sealedDetails.HasPrivateNeedAsync(Person.Id, cancellationToken);
        Input.Validate(ModelState, "Input.", PrivateNeedKept);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Input.ApplyTo(Person);
        if (!Input.OtherIsPrivate)
        {
            await sealedDetails.ForgetAsync(Person.Id, SealedDetailKind.PrivateAccessNeed, cancellationToken);
        }
        else if (Input.PrivateWords is { } words)
        {
            await sealedDetails.KeepPrivateNeedAsync(Person, words, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }
}
