using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Public;

/// <summary>Anyone, without an account, tells the organisation an idea or what they think.</summary>
public sealed class SayModel(WithUsDbContext db, OrganisationClock clock) : PublicFormPageModel
{
    [BindProperty]
    public SayInput Input { get; set; } = new();

    public void OnGet() => IssueForm();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SentByBot)
        {
            return Thanks();
        }

        Input.CheckKind(ModelState, "Input.");
        Input.Contact.Validate(ModelState, "Input.Contact");
        if (NotKeptYet(Input.Contact) is { } again)
        {
            return again;
        }

        var person = Input.Contact.AddPerson(db, clock.UtcNow);
        db.Contributions.Add(Input.ToContribution(ContributionSource.PublicForm, person?.Id, clock));
        await db.SaveChangesAsync(cancellationToken);
        return Thanks();
    }

    public sealed class SayInput : OwnWordsInput
    {
        public ContactInput Contact { get; set; } = new();
    }
}
