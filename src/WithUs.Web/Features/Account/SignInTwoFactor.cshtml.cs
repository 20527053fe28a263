using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Security;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Web.Features.Account;

/// <summary>The second step of signing in. Wrong codes count towards lockout, as wrong passwords do.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInTwoFactorModel(SignInManager<ApplicationUser> signIn, AuditLog audit) : WithUsPageModel
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

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

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.RecordAsync("SignedIn", user.Id, details: "Authenticator code");
            return LocalRedirect(LocalReturnUrl.Or(ReturnUrl));
        }

        await audit.RecordAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", user.Id, details: "Authenticator code");
        return result.IsLockedOut
            ? Invalid(string.Empty, SignInModel.LockedOutMessage)
            : Invalid("Input.Code", "The code is not right. Enter the code your app shows now");
    }

    public sealed class TwoFactorInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(9, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }
}
