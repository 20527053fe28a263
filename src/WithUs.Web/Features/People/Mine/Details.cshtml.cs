using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// The person corrects their own details: their name, whether and how we get in touch. Saying yes or no to being
/// contacted is consent, recorded as given by them, online; saying no takes them off every list of people to contact.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class DetailsModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var person = await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken);
        Input = person is not null
            ? ContactInput.From<ContactInput>(person)
            : new ContactInput { Name = User.FindFirst(WithUsClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? "" };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Validate(ModelState, "Input.", yourself: true);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var userId = CurrentUser.Id(User)!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (await MyRecord.FindAsync(db, userId, cancellationToken) is { } person)
        {
            PeopleRegister.SetContact(db, person, Input.ToChoice(), ConsentSource.Themselves, now);
            person.Name = Input.KeptName();
        }
        else
        {
            PeopleRegister.Add(db, Input.KeptName(), Input.ToChoice(), ConsentSource.Themselves, now, userId);
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved. Thank you.";
        return RedirectToPage("/People/Mine/Index", new { org = Slug });
    }
}
