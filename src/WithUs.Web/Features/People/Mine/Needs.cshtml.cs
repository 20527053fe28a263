using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// The person says what helps them take part, their pronouns, languages and when not to get in touch. A need about
/// their health or housing can be kept private: it is sealed, and staff see only that there is one.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class NeedsModel(WithUsDbContext db, EqualityMonitoring sealedDetails, TimeProvider clock) : OrganisationPageModel
{
    [BindProperty]
    public NeedsInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is not { } person)
        {
            return;
        }

        Input = NeedsInput.From(person);
        if (Input.OtherIsPrivate)
        {
            // Theirs to read: the words they asked us to keep private.
            Input.OtherAccessNeed = await sealedDetails.TheirOwnPrivateNeedAsync(person, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Validate(ModelState, "Input.", yourself: true);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var person = await MyRecord.FindOrAddAsync(db, User, CurrentUser.Id(User)!.Value, clock.GetUtcNow().UtcDateTime, cancellationToken);
        Input.ApplyTo(person);
        if (Input.OtherIsPrivate)
        {
            await sealedDetails.KeepPrivateNeedAsync(person, Input.PrivateWords, cancellationToken);
        }
        else
        {
            await sealedDetails.ForgetAsync(person.Id, SealedDetailKind.PrivateAccessNeed, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = "Saved. Thank you for telling us.";
        return RedirectToPage("/People/Mine/Index", new { org = Slug });
    }
}
