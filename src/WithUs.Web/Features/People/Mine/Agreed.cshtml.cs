using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// The person changes their answer about one thing they can agree to. Saying no to being kept with their name asks
/// for their record to be removed (a request staff must carry out within a month); saying no to being contacted takes
/// them off every list at once; saying no to the equality questions removes their answers.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class AgreedModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public ConsentKind Kind { get; private set; }

    public Consent? Current { get; private set; }

    [BindProperty]
    public bool? Given { get; set; }

    /// <summary>False when nothing is kept about them yet: then there is nothing to agree to.</summary>
    public bool HasRecord { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, CancellationToken cancellationToken)
    {
        if (ConsentWords.FromSlug(kind) is null)
        {
            return NotFound();
        }

        HasRecord = await LoadAsync(kind, cancellationToken) is not null;
        Given = Current?.Given;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, CancellationToken cancellationToken)
    {
        if (ConsentWords.FromSlug(kind) is null)
        {
            return NotFound();
        }

        if (await LoadAsync(kind, cancellationToken) is not { } person)
        {
            return RedirectToPage("/People/Mine/Index", new { org = Slug });
        }

        HasRecord = true;

        if (ModelState.TryGetValue(nameof(Given), out var bound) && bound.Errors.Count > 0)
        {
            bound.Errors.Clear();
            Given = null;
        }

        if (Given is not { } given)
        {
            ModelState.AddModelError(nameof(Given), "Choose yes or no");
            return Invalid();
        }

        if (Kind == ConsentKind.EqualityMonitoring && given)
        {
            return RedirectToPage("/People/Mine/Equality", new { org = Slug });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (Current?.Given != given)
        {
            await PeopleRegister.RecordAsync(db, person, Kind, given, ConsentSource.Themselves, now, cancellationToken);
        }

        if (Kind == ConsentKind.Record && !given)
        {
            await RemovalRequests.AskAsync(db, person, OrganisationClock.For(Organisation, clock), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (Kind == ConsentKind.Contact && given && person.ContactBy is null)
        {
            Notice = "Saved. Now tell us how you would like us to get in touch.";
            return RedirectToPage("/People/Mine/Details", new { org = Slug });
        }

        Notice = (Kind, given) switch
        {
            (ConsentKind.Record, false) => "Saved. We will remove everything about you within a month.",
            (ConsentKind.Contact, false) => "Saved. We will not get in touch with you.",
            (ConsentKind.EqualityMonitoring, false) => "Saved. Your answers are gone.",
            _ => "Saved. Thank you.",
        };
        return RedirectToPage("/People/Mine/Index", new { org = Slug });
    }

    private async Task<Person?> LoadAsync(string kind, CancellationToken cancellationToken)
    {
        Kind = ConsentWords.FromSlug(kind)!.Value;
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is not { } person)
        {
            return null;
        }

        Current = (await ConsentState.LoadAsync(db, person.Id, cancellationToken)).Current(Kind);
        return person;
    }
}
