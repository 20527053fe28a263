namespace WithUs.Web.Features.Account;

/// <summary>Staff and administrators must set up two-factor authentication before they can do anything else.</summary>
public sealed class TwoFactorRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed =
    [
        "/account/two-factor", "/account/sign-out", "/error", "/health", "/accessibility", "/privacy",
    ];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(WithUsClaimsPrincipalFactory.TwoFactorRequiredClaim, "true")
            && !Allowed.Any(a => context.Request.Path.StartsWithSegments(a, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect("/account/two-factor/set-up?required=true");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
