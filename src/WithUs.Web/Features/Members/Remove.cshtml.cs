using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Members;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class RemoveModel(WithUsDbContext db, TenantContext tenant, AuditLog audit) : OrganisationPageModel
{
    private const string LastAdministratorMessage =
        "You cannot remove the only administrator. Make someone else an administrator first";


    public string OrganisationName => tenant.Organisation!.Name;

    public string PersonName { get; private set; } = "";

    public bool CanRemove { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await LoadAsync(membershipId, cancellationToken);

        CanRemove = !await LastAdministrator.IsOnlyAdministratorAsync(db, membership, cancellationToken);
        if (!CanRemove)
        {
            ModelState.AddModelError(string.Empty, LastAdministratorMessage);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await LoadAsync(membershipId, cancellationToken);

        if (await LastAdministrator.IsOnlyAdministratorAsync(db, membership, cancellationToken))
        {
            return Invalid(string.Empty, LastAdministratorMessage);
        }

        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("MemberRemoved", details: membership.UserId.ToString(), cancellationToken: cancellationToken);
        if (membership.UserId == CurrentUser.Id(User))
        {
            Notice = $"You have left {OrganisationName}.";
            return Redirect("/");
        }

        Notice = $"{PersonName} has been removed.";
        return RedirectToPage("/Members/Index", new { org = Slug });
    }

    private async Task<Membership> LoadAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.Include(m => m.User)
            .SingleAsync(m => m.Id == membershipId, cancellationToken);
        PersonName = membership.User?.DisplayName ?? "";
        return membership;
    }
}
