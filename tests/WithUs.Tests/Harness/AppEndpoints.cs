using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace WithUs.Tests.Harness;

/// <summary>One request an endpoint of the app answers: a page's GET, one of its other handlers, or a method of another endpoint.</summary>
/// <param name="Handler">The page handler's name, when the request names one.</param>
/// <param name="FormParameters">What the handler takes besides its route values: the fields a form would post.</param>
public sealed record EndpointRequest(RouteEndpoint Endpoint, string Method, string? Handler,
    IReadOnlyList<ParameterDescriptor> FormParameters)
{
    /// <summary>The route template, like "/o/{org}/voice/{id:guid}".</summary>
    public string Route => "/" + Endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>"?handler=Name" for a named handler; empty otherwise.</summary>
    public string HandlerQuery => Handler is null ? "" : $"?handler={Handler}";

    /// <summary>The route with each parameter filled in by <paramref name="value"/> (escaped for a path).</summary>
    public string Path(Func<RoutePatternParameterPart, string> value) =>
        "/" + string.Join('/', Endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(value(parameter)),
            _ => throw new InvalidOperationException($"Unexpected route part {part}"),
        }))));
}

public static class AppEndpoints
{
    /// <summary>
    /// Every request the app's routed endpoints answer, found from the app itself so a new page is covered without a
    /// test naming it; only the endpoints whose route has <paramref name="routeKey"/>, when one is given.
    /// </summary>
    public static async Task<List<EndpointRequest>> EndpointRequestsAsync(this WithUsFactory app, string? routeKey = null)
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => routeKey is null || e.RoutePattern.GetParameter(routeKey) is not null)
            .ToList();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var requests = new List<EndpointRequest>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                requests.Add(new EndpointRequest(endpoint, "GET", null, []));
                requests.AddRange(compiled.HandlerMethods
                    .Where(h => !(h.HttpMethod.Equals("GET", StringComparison.OrdinalIgnoreCase) && h.Name is null))
                    .Select(h => new EndpointRequest(endpoint, h.HttpMethod.ToUpperInvariant(), h.Name,
                        [.. h.Parameters.Where(p => endpoint.RoutePattern.GetParameter(p.Name) is null)])));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                requests.AddRange(methods.Select(m => new EndpointRequest(endpoint, m, null, [])));
            }
        }

        return requests;
    }
}
