using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People.Mine;

/// <summary>
/// The person asks for everything about them to be removed. Staff must do it within a calendar month; the request is on
/// the staff home page until it is done. Asking twice, or twice at once, is one request.
/// </summary>
[MinimumRole(OrganisationRole.Partner)]
public sealed class RemoveModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public DataRequest? Waiting { get; private set; }

    public bool HasRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is { } person)
        {
            HasRecord = true;
            Waiting = await RemovalRequests.WaitingAsync(db, person.Id, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await MyRecord.FindAsync(db, CurrentUser.Id(User)!.Value, cancellationToken) is { } person)
        {
            await RemovalRequests.AskAsync(db, person, OrganisationClock.For(Organisation, clock), cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Asked twice at once: the other click's request stands.
            }
        }

        Notice = "We have your request. We will remove everything about you within a month, and you will no longer be able to see it here.";
        return RedirectToPage("/People/Mine/Index", null, new { org = Slug }, "remove");
    }
}
