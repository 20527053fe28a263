using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInRecoveryCodeModel(SignInManager<ApplicationUser> signIn, AuditLog audit)
    : SecondStepPageModel(signIn, audit)
{
    [BindProperty]
    public RecoveryInput Input { get; set; } = new();

    protected override string Method => "Recovery code";

    protected override string WrongCodeMessage => "That recovery code is not right, or it has been used already";

    protected override string Code => Input.Code.Replace(" ", "", StringComparison.Ordinal);

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(SignInManager<ApplicationUser> manager, string code) =>
        manager.TwoFactorRecoveryCodeSignInAsync(code);

    protected override void OnSignedIn() =>
        Notice = "You signed in with a recovery code. That code will not work again.";

    public sealed class RecoveryInput
    {
        [Required(ErrorMessage = "Enter a recovery code")]
        [StringLength(40, ErrorMessage = "That recovery code is not right, or it has been used already")]
        public string Code { get; set; } = "";
    }
}
