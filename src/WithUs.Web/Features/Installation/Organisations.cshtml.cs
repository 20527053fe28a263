using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Organisations;

namespace WithUs.Web.Features.Installation;

/// <summary>One installation can serve a whole region: whoever runs it adds organisations here.</summary>
public sealed class OrganisationsModel(
    WithUsDbContext db,
    UserManager<ApplicationUser> users,
    TenantContext tenant,
    TimeProvider clock) : OperatorPageModel(users)
{
    public IReadOnlyList<Organisation> Existing { get; private set; } = [];

    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var slug = Slugs.From(Input.Name);
        if (ModelState.IsValid && slug.Length == 0)
        {
            ModelState.AddModelError("Input.Name", "Organisation name must include at least one letter or number");
        }
        else if (ModelState.IsValid && await db.Organisations.AnyAsync(o => o.Slug == slug, cancellationToken))
        {
            ModelState.AddModelError("Input.Name", "There is already an organisation with that name, or one very like it");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation { Id = Ids.New(), Name = Input.Name.Trim(), Slug = slug, CreatedAtUtc = now };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        tenant.Set(organisation, OrganisationRole.Administrator);
        db.Memberships.Add(Membership.For(CurrentUser.Id(User)!.Value, OrganisationRole.Administrator, now));
        People.InvolvementRoles.AddDefaults(db, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = $"{organisation.Name} has been added. Invite its staff and partners from Team and roles.";
        return RedirectToPage("/Members/Index", new { org = slug });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Existing = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);

    public sealed class OrganisationInput
    {
        [Required(ErrorMessage = "Enter the organisation's name")]
        [StringLength(Organisation.NameMaxLength, ErrorMessage = "Organisation name must be 120 characters or fewer")]
        public string Name { get; set; } = "";
    }
}
