using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Members;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class IndexModel(WithUsDbContext db, TimeProvider clock) : OrganisationPageModel
{
    public Guid? CurrentUserId => CurrentUser.Id(User);

    public IReadOnlyList<Membership> Members { get; private set; } = [];

    public IReadOnlyList<Invitation> Invitations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Members = await db.Memberships.AsNoTracking()
            .Include(m => m.User)
            .OrderBy(m => m.User!.DisplayName)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.AcceptedAtUtc == null && i.RevokedAtUtc == null && i.ExpiresAtUtc > now)
            .OrderBy(i => i.Email)
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        invitation.RevokedAtUtc ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"The invitation for {invitation.Email} has been cancelled.";
        return RedirectToPage("/Members/Index", new { org = Slug });
    }
}
