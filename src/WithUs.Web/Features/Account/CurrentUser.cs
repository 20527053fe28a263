using System.Security.Claims;

namespace WithUs.Web.Features.Account;

public static class CurrentUser
{
    public static Guid? Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
