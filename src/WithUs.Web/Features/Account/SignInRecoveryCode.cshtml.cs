using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Security;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Web.Features.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInRecoveryCodeModel(SignInManager<ApplicationUser> signIn, AuditLog audit) : WithUsPageModel
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/sign-in") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/account/sign-in");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            await audit.RecordAsync("SignedIn", user.Id, details: "Recovery code");
            Notice = "You signed in with a recovery code. That code will not work again.";
            return LocalRedirect(LocalReturnUrl.Or(ReturnUrl));
        }

        await audit.RecordAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", user.Id, details: "Recovery code");
        return result.IsLockedOut
            ? Invalid(string.Empty, SignInModel.LockedOutMessage)
            : Invalid("Input.Code", "That recovery code is not right, or it has been used already");
    }

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Enter a recovery code")]
        [StringLength(40, ErrorMessage = "That recovery code is not right, or it has been used already")]
        public string Code { get; set; } = "";
    }
}
