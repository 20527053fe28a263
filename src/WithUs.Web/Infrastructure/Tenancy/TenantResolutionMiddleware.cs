using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>
/// Resolves the organisation once per request from the route. /o/{org}/... is for members only: anyone signed in
/// who is not a member gets 404, as if the organisation did not exist. /p/{publicOrg}/... is the public face.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string MemberRouteKey = "org";
    public const string PublicRouteKey = "publicOrg";

    public async Task InvokeAsync(HttpContext context, TenantContext tenant, WithUsDbContext db)
    {
        var routeValues = context.Request.RouteValues;
        if (routeValues.TryGetValue(MemberRouteKey, out var memberSlug) && memberSlug is string slug)
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            if (!await ResolveMemberAsync(context, tenant, db, slug))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        else if (routeValues.TryGetValue(PublicRouteKey, out var publicSlug) && publicSlug is string pslug)
        {
            var organisation = await FindAsync(db, pslug, context.RequestAborted);
            if (organisation is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            tenant.Set(organisation, role: null);
        }

        await next(context);
    }

    private static async Task<bool> ResolveMemberAsync(HttpContext context, TenantContext tenant, WithUsDbContext db, string slug)
    {
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var organisation = await FindAsync(db, slug, context.RequestAborted);
        if (organisation is null)
        {
            return false;
        }

        tenant.Set(organisation, role: null);
        var membership = await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.UserId == userId, context.RequestAborted);
        if (membership is null)
        {
            tenant.Clear();
            return false;
        }

        tenant.Set(organisation, membership.Role);
        return true;
    }

    private static Task<Organisation?> FindAsync(WithUsDbContext db, string slug, CancellationToken ct)
    {
        var lowered = slug.ToLowerInvariant();
        return db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == lowered, ct);
    }
}
