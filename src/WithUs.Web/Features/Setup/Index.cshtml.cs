using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Organisations;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Setup;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class IndexModel(
    WithUsDbContext db,
    SetupToken setupToken,
    AccountCreation accounts,
    SignInManager<ApplicationUser> signIn,
    TenantContext tenant,
    TimeProvider clock) : WithUsPageModel
{
    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await SetupToken.IsSetUpAsync(db, cancellationToken) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await SetupToken.IsSetUpAsync(db, cancellationToken))
        {
            return NotFound();
        }

        if (!string.IsNullOrEmpty(Input.SetupToken) && !setupToken.IsValid(Input.SetupToken))
        {
            ModelState.AddModelError("Input.SetupToken", "The set-up token is not right. Copy it from the window where WithUs started");
        }

        var slug = Slugs.From(Input.OrganisationName);
        if (!string.IsNullOrWhiteSpace(Input.OrganisationName) && slug.Length == 0)
        {
            ModelState.AddModelError("Input.OrganisationName", "Organisation name must include at least one letter or number");
        }

        accounts.CheckPassword(ModelState, "Input.Password", Input.Password, isStaff: true, Input.Email);

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = new Organisation
        {
            Id = Ids.New(),
            Name = Input.OrganisationName.Trim(),
            Slug = slug,
            CreatedAtUtc = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        tenant.Set(organisation, OrganisationRole.Administrator);
        People.InvolvementRoles.AddDefaults(db, now);

        var (user, created) = await accounts.CreateAsync(Input.DisplayName, Input.Email, Input.Password, isOperator: true);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "Input.Email", error.Description);
            }

            return Invalid();
        }

        db.Memberships.Add(Membership.For(user.Id, OrganisationRole.Administrator, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await signIn.SignInAsync(user, isPersistent: false);
        Notice = $"{organisation.Name} is ready. Now protect your account with two-factor authentication.";
        return Redirect("/account/two-factor/set-up?required=true");
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Enter the set-up token")]
        public string SetupToken { get; set; } = "";

        [Required(ErrorMessage = "Enter the organisation's name")]
        [StringLength(Organisation.NameMaxLength, ErrorMessage = "Organisation name must be 120 characters or fewer")]
        public string OrganisationName { get; set; } = "";

        [Required(ErrorMessage = "Enter your name")]
        [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Your name must be 100 characters or fewer")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the right format, like name@example.org")]
        [StringLength(256, ErrorMessage = "Email address must be 256 characters or fewer")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Create a password")]
        public string Password { get; set; } = "";
    }
}
