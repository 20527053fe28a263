using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Installation;

/// <summary>For whoever runs the installation (the first administrator): disable and enable accounts.</summary>
public sealed class AccountsModel(UserManager<ApplicationUser> users, AuditLog audit, TimeProvider clock) : OperatorPageModel(users)
{
    public IReadOnlyList<ApplicationUser> Accounts { get; private set; } = [];

    public Guid? CurrentUserId => CurrentUser.Id(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await Users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId) => SetDisabledAsync(userId, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(Guid userId) => SetDisabledAsync(userId, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(Guid userId, bool disabled)
    {
        var user = await Users.FindByIdAsync(userId.ToString());
        if (user is null || user.Id == CurrentUserId)
        {
            return NotFound();
        }

        user.DisabledAtUtc = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await Users.UpdateAsync(user);

        // A new security stamp fails every existing session at its next check (within a minute).
        await Users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(disabled ? "AccountDisabled" : "AccountEnabled", details: user.Id.ToString());
        Notice = $"{user.DisplayName}'s account is {(disabled ? "disabled" : "enabled")}.";
        return RedirectToPage();
    }
}
