using Microsoft.AspNetCore.Mvc.Filters;

namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>Loads every record the route names (see <see cref="RouteResource"/>) or answers 404 before the handler runs.</summary>
public sealed class RouteResourceFilter(IEnumerable<RouteResource> resources, WithUsDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var values = context.RouteData.Values;
        if (values.ContainsKey(TenantResolutionMiddleware.MemberRouteKey))
        {
            foreach (var resource in resources)
            {
                if (!values.TryGetValue(resource.RouteKey, out var raw))
                {
                    continue;
                }

                var entity = Guid.TryParse(raw as string, out var id)
                    ? await resource.FindAsync(db, id, context.HttpContext.RequestAborted)
                    : null;
                if (entity is null)
                {
                    context.Result = new NotFoundResult();
                    return;
                }

                context.HttpContext.Items[resource.EntityType] = entity;
            }
        }

        await next();
    }
}
