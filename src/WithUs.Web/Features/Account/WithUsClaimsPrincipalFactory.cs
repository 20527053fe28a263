using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace WithUs.Web.Features.Account;

/// <summary>
/// Adds what every request needs to know about the person without asking the database: their name, whether they
/// must still set up two-factor authentication (staff and administrators must), and their organisation when they
/// belong to exactly one (the header links to it rather than to a list of one). Refreshed at each security check.
/// </summary>
public sealed class WithUsClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    IOptions<IdentityOptions> options,
    WithUsDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser>(userManager, options)
{
    public const string DisplayNameClaim = "withus:name";
    public const string TwoFactorRequiredClaim = "withus:2fa-required";
    public const string OnlyOrganisationClaim = "withus:only-organisation";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        var memberships = await db.MembershipsOfUserAsync(user.Id);
        if (!user.TwoFactorEnabled && !user.IsDemo && memberships.Any(m => m.Role >= OrganisationRole.Staff))
        {
            identity.AddClaim(new Claim(TwoFactorRequiredClaim, "true"));
        }

        if (memberships is [{ Organisation: { } only }])
        {
            identity.AddClaim(new Claim(OnlyOrganisationClaim, only.Slug));
        }

        return identity;
    }
}
