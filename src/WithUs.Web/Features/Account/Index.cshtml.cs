using Microsoft.AspNetCore.Identity;

namespace WithUs.Web.Features.Account;

[Authorize]
public sealed class IndexModel(UserManager<ApplicationUser> users, WithUsDbContext db) : WithUsPageModel
{
    public ApplicationUser Person { get; private set; } = null!;

    public int RecoveryCodesLeft { get; private set; }

    public bool TwoFactorRequired { get; private set; }

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Person = user;
        RecoveryCodesLeft = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        TwoFactorRequired = await db.UserHasStaffRoleAnywhereAsync(user.Id, cancellationToken);
        Memberships = await db.MembershipsOfUserAsync(user.Id, cancellationToken);
        return Page();
    }
}
