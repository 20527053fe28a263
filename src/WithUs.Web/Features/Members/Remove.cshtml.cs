using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Members;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class RemoveModel(WithUsDbContext db, AuditLog audit) : OrganisationPageModel
{
    private const string LastAdministratorMessage =
        "You cannot remove the only administrator. Make someone else an administrator first";

    public string OrganisationName => Organisation.Name;

    /// <summary>The membership the route names, with its account.</summary>
    public Membership Membership => RouteResource<Membership>();

    public string PersonName => Membership.User?.DisplayName ?? "";

    public bool CanRemove { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var membership = Membership;
        CanRemove = !await LastAdministrator.IsOnlyAdministratorAsync(db, membership, cancellationToken);
        if (!CanRemove)
        {
            ModelState.AddModelError(string.Empty, LastAdministratorMessage);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var membership = Membership;
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
}
