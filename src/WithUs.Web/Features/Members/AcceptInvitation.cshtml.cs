using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Members;

/// <summary>
/// The link in an invitation email. A new person creates their account here; someone with an account signs in first.
/// The invitation must be for the signed-in person's own email address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class AcceptInvitationModel(
    WithUsDbContext db,
    TenantContext tenant,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AccountCreation accounts,
    IEnumerable<IInvitationAccepted> accepted,
    TimeProvider clock) : WithUsPageModel
{
    public enum AcceptStep
    {
        CreateAccount,
        SignInFirst,
        WrongAccount,
        Join,
    }

    public Invitation? Invitation { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public AcceptStep Step { get; private set; }

    public string PasswordHint => Invitation?.Role >= OrganisationRole.Staff
        ? "At least 15 characters. Three or four random words together work well."
        : "At least 12 characters. Three or four random words together work well.";

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(token, cancellationToken);
        if (organisation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var organisation = await LoadAsync(token, cancellationToken);
        if (organisation is null || Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        ApplicationUser? user;
        switch (Step)
        {
            case AcceptStep.Join:
                user = await users.GetUserAsync(User);
                break;
            case AcceptStep.CreateAccount:
                ModelState.Remove(nameof(Input));
                if (!TryValidateModel(Input, nameof(Input)))
                {
                    return Invalid();
                }

                accounts.CheckPassword(ModelState, "Input.Password", Input.Password, Invitation.Role >= OrganisationRole.Staff, Invitation.Email);

                if (!ModelState.IsValid)
                {
                    return Invalid();
                }

                user = null;
                break;
            default:
                return Invalid();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        tenant.Set(organisation, Invitation.Role);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null)
        {
            (user, var created) = await accounts.CreateAsync(Input.DisplayName, Invitation.Email, Input.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                foreach (var error in created.Errors)
                {
                    // Someone made an account for this address since the page was shown: sign in instead.
                    var taken = error.Code is "DuplicateEmail" or "DuplicateUserName";
                    ModelState.AddModelError(taken ? string.Empty : "Input.Password",
                        taken ? "There is already a WithUs account for this email address. Sign in, then open the link again" : error.Description);
                }

                return Invalid();
            }
        }

        var invitation = await db.Invitations.SingleAsync(i => i.Id == Invitation.Id, cancellationToken);
        invitation.AcceptedAtUtc = now;
        var userId = user.Id;
        if (!await db.Memberships.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            db.Memberships.Add(Membership.For(userId, invitation.Role, now));
        }

        var afterwards = new List<Func<CancellationToken, Task>>();
        foreach (var step in accepted)
        {
            if (await step.StageAsync(invitation, userId, cancellationToken) is { } then)
            {
                afterwards.Add(then);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var then in afterwards)
        {
            await then(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        // A fresh sign-in picks up the new role, including whether two-factor authentication is now required.
        await signIn.SignInAsync(user, isPersistent: false);
        Notice = $"Welcome to {organisation.Name}.";
        return RedirectToPage("/Organisations/Index", new { org = organisation.Slug });
    }

    private async Task<Organisation?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await db.InvitationByTokenHashAsync(InvitationTokens.Hash(token), cancellationToken);
        if (invitation is null || !invitation.IsUsable(clock.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking()
            .SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        Invitation = invitation;
        OrganisationName = organisation.Name;

        if (User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(User);
            Step = user is not null && string.Equals(user.NormalizedEmail, invitation.NormalizedEmail, StringComparison.Ordinal)
                ? AcceptStep.Join
                : AcceptStep.WrongAccount;
        }
        else
        {
            Step = await users.FindByEmailAsync(invitation.Email) is null ? AcceptStep.CreateAccount : AcceptStep.SignInFirst;
        }

        return organisation;
    }

    public sealed class NewAccountInput
    {
        [Required(ErrorMessage = "Enter your name")]
        [StringLength(ApplicationUser.DisplayNameMaxLength, ErrorMessage = "Your name must be 100 characters or fewer")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Create a password")]
        public string Password { get; set; } = "";
    }
}
