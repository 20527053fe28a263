using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInTwoFactorModel(SignInManager<ApplicationUser> signIn, AuditLog audit)
    : SecondStepPageModel(signIn, audit)
{
    [BindProperty]
    public TwoFactorInput Input { get; set; } = new();

    protected override string Method => "Authenticator code";

    protected override string WrongCodeMessage => "The code is not right. Enter the code your app shows now";

    protected override string Code =>
        Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(SignInManager<ApplicationUser> manager, string code) =>
        manager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);

    public sealed class TwoFactorInput
    {
        [Required(ErrorMessage = "Enter the 6-digit code from your authenticator app")]
        [StringLength(9, ErrorMessage = "The code is 6 digits")]
        public string Code { get; set; } = "";
    }
}
