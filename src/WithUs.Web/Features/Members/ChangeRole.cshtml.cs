using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Members;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class ChangeRoleModel(WithUsDbContext db, AuditLog audit) : OrganisationPageModel
{
    /// <summary>The membership the route names, with its account.</summary>
    public Membership Membership => RouteResource<Membership>();

    public string PersonName => Membership.User?.DisplayName ?? "";

    [BindProperty]
    public RoleInput Input { get; set; } = new();

    public void OnGet() => Input.Role = Membership.Role;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var membership = Membership;
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var newRole = Input.Role!.Value;
        if (membership.Role == OrganisationRole.Administrator && newRole != OrganisationRole.Administrator
            && await LastAdministrator.IsOnlyAdministratorAsync(db, membership, cancellationToken))
        {
            return Invalid("Input.Role", "You cannot change this role: every organisation needs at least one administrator. Make someone else an administrator first");
        }

        var before = membership.Role;
        membership.Role = newRole;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("RoleChanged", details: $"{membership.UserId}: {before} to {newRole}", cancellationToken: cancellationToken);
        Notice = $"{PersonName} is now {newRole.DisplayName().ToLowerInvariant()}.";
        return RedirectToPage("/Members/Index", new { org = Slug });
    }

    public sealed class RoleInput
    {
        [Required(ErrorMessage = "Choose what they will do here")]
        [EnumDataType(typeof(OrganisationRole), ErrorMessage = "Choose what they will do here")]
        public OrganisationRole? Role { get; set; }
    }
}
