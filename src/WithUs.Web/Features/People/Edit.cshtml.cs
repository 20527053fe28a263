namespace WithUs.Web.Features.People;

public sealed class EditModel(WithUsDbContext db) : OrganisationPageModel
{

    public Guid PersonId { get; private set; }

    public string CurrentName { get; private set; } = "";

    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = RouteResource<Person>();

        PersonId = person.Id;
        CurrentName = person.Name;
        Input = ContactInput.From<ContactInput>(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = RouteResource<Person>();

        PersonId = person.Id;
        CurrentName = person.Name;
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Input.ApplyTo(person);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved.";
        return RedirectToPage("/People/Person", new { org = Slug, personId });
    }
}
