using Microsoft.AspNetCore.Mvc.Filters;

namespace WithUs.Web.Features.Public;

/// <summary>
/// The public pages of an organisation exist only while it keeps them open: closed, every one of them answers 404,
/// as if it had none (and the "not found" page does not name the organisation).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPagesOpenAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        if (tenant.Organisation is not { PublicPagesOpen: true })
        {
            tenant.Clear();
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
