using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(UserManager<ApplicationUser> users, AuditLog audit) : WithUsPageModel
{
    public const string LinkNotValid = "This link has expired or has been used. Ask for a new one";

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public IActionResult OnGet() =>
        string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Code) ? Redirect("/account/forgot-password") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = Guid.TryParse(UserId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || string.IsNullOrEmpty(Code))
        {
            return Invalid(string.Empty, LinkNotValid);
        }

        var result = await users.ResetPasswordAsync(user, Code, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password",
                    error.Code == "InvalidToken" ? LinkNotValid : error.Description);
            }

            return Invalid();
        }

        // Whoever reset the password proved they hold the email: let them in again straight away.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordForPersonAsync("PasswordReset", user.Id);
        Notice = "Your password has been changed. Sign in with your new password.";
        return Redirect("/account/sign-in");
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter a new password")]
        public string Password { get; set; } = "";
    }
}
