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
    /// <summary>Staff or an administrator somewhere: two-factor authentication protects what they see, so it stays on.</summary>
    public bool MustKeepIt { get; private set; }

    public bool IsOn { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        MustKeepIt = await db.UserHasStaffRoleAnywhereAsync(user.Id, cancellationToken);
        IsOn = user.TwoFactorEnabled;
        return Page();
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
