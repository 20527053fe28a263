using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Installation;

/// <summary>Pages for whoever runs the installation answer 404 to everyone else.</summary>
public static class OperatorCheck
{
    public static async Task<bool> IsOperatorAsync(this UserManager<ApplicationUser> users, ClaimsPrincipal user) =>
        (await users.GetUserAsync(user))?.IsOperator == true;
}
