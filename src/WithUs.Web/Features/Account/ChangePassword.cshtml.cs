using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[Authorize]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AuditLog audit) : WithUsPageModel
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var wrongCurrent = error.Code == "PasswordMismatch";
                ModelState.AddModelError(wrongCurrent ? "Input.CurrentPassword" : "Input.NewPassword",
                    wrongCurrent ? "Your current password is not right" : error.Description);
            }

            return Invalid();
        }

        // The new security stamp ends every other session; this one carries on with a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        await audit.RecordForPersonAsync("PasswordChanged", user.Id);
        Notice = "Your password has been changed.";
        return Redirect("/account");
    }

    public sealed class ChangeInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password")]
        public string NewPassword { get; set; } = "";
    }
}
