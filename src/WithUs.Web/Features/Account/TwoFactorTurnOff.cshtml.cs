using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

/// <summary>Partners may choose; staff and administrators must keep two-factor authentication on.</summary>
[Authorize]
public sealed class TwoFactorTurnOffModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    WithUsDbContext db,
    AuditLog audit) : WithUsPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await db.UserHasStaffRoleAnywhereAsync(user.Id, cancellationToken))
        {
            return Forbid();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordForPersonAsync("TwoFactorDisabled", user.Id, cancellationToken: cancellationToken);
        await signIn.RefreshSignInAsync(user);
        Notice = "Two-factor authentication is off.";
        return Redirect("/account");
    }
}
