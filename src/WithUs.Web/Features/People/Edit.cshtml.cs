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
        // Whether they may be contacted is consent, recorded on its own page; this form changes only the way.
        Input.MayContact = Person.MayContact;
        Input.Validate(ModelState, "Input.");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        PeopleRegister.ChangeDetails(Person, Input.KeptName(), Input.ToChoice());
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = Person.Id });
    }
}
