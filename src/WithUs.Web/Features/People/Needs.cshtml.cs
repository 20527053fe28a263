namespace WithUs.Web.Features.People;

/// <summary>How someone takes part: their pronouns, languages, access needs and when not to contact them.</summary>
public sealed class NeedsModel(WithUsDbContext db) : OrganisationPageModel
{
    public Person Person => RouteResource<Person>();

    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    public void OnGet() => Input = NeedsInput.From(Person);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Input.ApplyTo(Person);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }
}
