using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// The person answers the equality monitoring questions themselves, sees their own answers, changes them, or removes
/// them. Answering is agreeing to answer (recorded as given by them, online); removing them withdraws it.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class EqualityModel(WithUsDbContext db, EqualityMonitoring monitoring, TimeProvider clock) : OrganisationPageModel
{
    [BindProperty]
    public EqualityInput Input { get; set; } = new();

    public bool Answered { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is { } person
            && await monitoring.TheirOwnAnswersAsync(person, cancellationToken) is { } answers)
        {
            Answered = true;
            Input = EqualityInput.From(answers);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Input.Validate(ModelState, "Input.");
        var given = Input.Given();
        if (ModelState.IsValid && given.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Choose at least one answer, or \"Prefer not to say\"");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var person = await MyRecord.FindOrAddAsync(db, User, CurrentUser.Id(User)!.Value, now, cancellationToken);
        var consents = db.Entry(person).State == EntityState.Added ? new ConsentState([]) : await ConsentState.LoadAsync(db, person.Id, cancellationToken);
        if (!consents.Gives(ConsentKind.EqualityMonitoring))
        {
            PeopleRegister.Record(db, person, ConsentKind.EqualityMonitoring, true, ConsentSource.Themselves, now);
        }

        await monitoring.KeepAnswersAsync(person, given, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        Notice = "Thank you. Your answers are saved and locked away.";
        return RedirectToPage("/People/Mine/Index", null, new { org = Slug }, "equality");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is { } person)
        {
            await PeopleRegister.RecordAsync(db, person, ConsentKind.EqualityMonitoring, false, ConsentSource.Themselves,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        Notice = "Your answers are gone. We will not ask again unless you choose to answer.";
        return RedirectToPage("/People/Mine/Index", null, new { org = Slug }, "equality");
    }
}
