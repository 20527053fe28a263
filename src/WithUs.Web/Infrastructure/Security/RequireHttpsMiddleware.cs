namespace WithUs.Web.Infrastructure.Security;

/// <summary>
/// Outside Development every cookie is Secure, so a plain-HTTP request could not even show a form. Send the person to
/// the HTTPS address instead. Health checks stay reachable over plain HTTP for load balancers inside the network.
/// Behind a TLS-terminating proxy, X-Forwarded-Proto makes the request count as HTTPS.
/// </summary>
public sealed class RequireHttpsMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.IsHttps || request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var target = $"https://{request.Host.Host}{request.PathBase}{request.Path}{request.QueryString}";
        context.Response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? StatusCodes.Status301MovedPermanently
            : StatusCodes.Status308PermanentRedirect;
        context.Response.Headers.Location = target;
        return Task.CompletedTask;
    }
}
