using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Auditing;
using WithUs.Web.Infrastructure.Ui;

namespace WithUs.Web.Features.Installation;

/// <summary>For whoever runs the installation (the first administrator): disable and enable accounts.</summary>
[Authorize]
public sealed class AccountsModel(UserManager<ApplicationUser> users, AuditLog audit, TimeProvider clock) : WithUsPageModel
{
    public IReadOnlyList<ApplicationUser> Accounts { get; private set; } = [];

    public Guid? CurrentUserId => CurrentUser.Id(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await users.IsOperatorAsync(User))
        {
            return NotFound();
        }

        Accounts = await users.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(Guid userId) => SetDisabledAsync(userId, disabled: true);

    public Task<IActionResult> OnPostEnableAsync(Guid userId) => SetDisabledAsync(userId, disabled: false);

    private async Task<IActionResult> SetDisabledAsync(Guid userId, bool disabled)
    {
        if (!await users.IsOperatorAsync(User))
        {
            return NotFound();
        }

        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || user.Id == CurrentUserId)
        {
            return NotFound();
        }

        user.DisabledAtUtc = disabled ? clock.GetUtcNow().UtcDateTime : null;
        await users.UpdateAsync(user);

        // A new security stamp fails every existing session at its next check (within a minute).
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(disabled ? "AccountDisabled" : "AccountEnabled", details: user.Id.ToString());
        Notice = $"{user.DisplayName}'s account is {(disabled ? "disabled" : "enabled")}.";
        return RedirectToPage();
    }
}
