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
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person
        {
            Id = Ids.New(),
            Name = "",
            ConsentToRecord = true,
            ConsentRecordedAtUtc = now,
            ConsentRecordedByUserId = CurrentUser.Id(User),
            CreatedAtUtc = now,
        };
        Input.ApplyTo(person);
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"{person.Name} added.";
        return RedirectToPage("/People/Person", new { org = Slug, personId = person.Id });
    }
}
