using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, AuditLog audit) : WithUsPageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (CurrentUser.Id(User) is { } userId)
        {
            await audit.RecordForPersonAsync("SignedOut", userId);
        }

        await signIn.SignOutAsync();
        Notice = "You have signed out.";
        return Redirect("/account/sign-in");
    }
}
