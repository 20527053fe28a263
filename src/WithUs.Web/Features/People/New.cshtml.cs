using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.People;

public sealed class NewModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    [BindProperty]
    public NewPersonInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Input.ConsentToRecord)
        {
            ModelState.AddModelError("Input.ConsentToRecord", "Only add someone who agreed that we keep what they say with their name");
        }

        Input.Validate(ModelState, "Input.");
        Input.How.Validate(ModelState, "Input.How.", "Choose how they agreed");
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var person = PeopleRegister.Add(db, Input.KeptName(), Input.ToChoice(), Input.How.ToSource(CurrentUser.Id(User)),
            clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"{person.Name} added.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = person.Id });
    }
}
