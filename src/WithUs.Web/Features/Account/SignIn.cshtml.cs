using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AuditLog audit) : WithUsPageModel
{
    /// <summary>
    /// Every refusal at this step, locked out or not: a locked-out account answering differently would tell anyone
    /// which email addresses have accounts (an unknown address is never locked out). The second step, reached only
    /// with the right password, says so plainly (<see cref="LockedOutMessage"/>).
    /// </summary>
    public const string Failed = "Enter a correct email address and password. After 5 wrong tries, wait 15 minutes or reset your password";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Same work and same answer as a wrong password, so nobody can learn who has an account.
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash, Input.Password);
            await audit.RecordAsync("SignInFailed", details: "Unknown email");
            return Invalid(string.Empty, Failed);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl = LocalReturnUrl.Or(ReturnUrl) });
        }

        if (result.Succeeded)
        {
            await audit.RecordForPersonAsync("SignedIn", user.Id);
            return LocalRedirect(LocalReturnUrl.Or(ReturnUrl));
        }

        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refuses these before it checks the password; the same work keeps the answer's timing alike too.
            users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash, Input.Password);
        }

        await audit.RecordForPersonAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", user.Id);
        return Invalid(string.Empty, Failed);
    }

    /// <summary>For the second step only: whoever sees it has already shown the account's password.</summary>
    public const string LockedOutMessage =
        "There have been too many attempts to sign in to this account. Wait 15 minutes and try again, or reset your password";

    private static readonly ApplicationUser DummyUser = new() { DisplayName = "nobody" };

    private static readonly string DummyHash =
        new PasswordHasher<ApplicationUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }))
            .HashPassword(DummyUser, "a password that is never used for anything");

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [StringLength(256, ErrorMessage = Failed)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password")]
        [StringLength(1024, ErrorMessage = Failed)]
        public string Password { get; set; } = "";
    }
}
