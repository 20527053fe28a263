namespace WithUs.Web.Features.People;

public sealed class EditModel(WithUsDbContext db) : OrganisationPageModel
{
    /// <summary>The person as saved; the form holds the changes until they are.</summary>
    public Person Person => RouteResource<Person>();

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public void OnGet() => Input = ContactInput.From<ContactInput>(Person);

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
