using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

/// <summary>
/// The second step of signing in, by authenticator code or recovery code: only reachable after a correct password,
/// audited either way, and every wrong code counts towards lockout.
/// </summary>
public abstract class SecondStepPageModel(SignInManager<ApplicationUser> signIn, AuditLog audit) : WithUsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Describes the method in the audit log.</summary>
    protected abstract string Method { get; }

    protected abstract string WrongCodeMessage { get; }

    /// <summary>The code as typed, tidied of the spaces people add.</summary>
    protected abstract string Code { get; }

    protected abstract Task<Microsoft.AspNetCore.Identity.SignInResult> SignInWithCodeAsync(SignInManager<ApplicationUser> manager, string code);

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

        var result = await SignInWithCodeAsync(signIn, Code);
        if (result.Succeeded)
        {
            await audit.RecordForPersonAsync("SignedIn", user.Id, details: Method);
            OnSignedIn();
            return LocalRedirect(LocalReturnUrl.Or(ReturnUrl));
        }

        await audit.RecordForPersonAsync(result.IsLockedOut ? "SignInLockedOut" : "SignInFailed", user.Id, details: Method);
        return result.IsLockedOut
            ? Invalid(string.Empty, SignInModel.LockedOutMessage)
            : Invalid("Input.Code", WrongCodeMessage);
    }

    protected virtual void OnSignedIn()
    {
    }
}
