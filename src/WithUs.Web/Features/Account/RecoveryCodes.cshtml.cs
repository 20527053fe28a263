using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

[Authorize]
public sealed class RecoveryCodesModel(UserManager<ApplicationUser> users, AuditLog audit) : WithUsPageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];

    public int Remaining { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactorSetUp");
        }

        Codes = (TempData[TempDataKey] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        Remaining = await users.CountRecoveryCodesAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/TwoFactorSetUp");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorSetUpModel.RecoveryCodeCount) ?? [];
        await audit.RecordForPersonAsync("RecoveryCodesRenewed", user.Id);
        TempData[TempDataKey] = string.Join(' ', codes);
        return RedirectToPage();
    }
}
