using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WithUs.Web.Features.Account;

/// <summary>
/// Adds what every request needs to know about the person without asking the database: their name, and whether they
/// must still set up two-factor authentication (staff and administrators must). Refreshed at each security check.
/// </summary>
public sealed class WithUsClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    WithUsDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    public const string DisplayNameClaim = "withus:name";
    public const string TwoFactorRequiredClaim = "withus:2fa-required";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (!user.TwoFactorEnabled && !user.IsDemo && await db.UserHasStaffRoleAnywhereAsync(user.Id))
        {
            identity.AddClaim(new Claim(TwoFactorRequiredClaim, "true"));
        }

        return identity;
    }
}
