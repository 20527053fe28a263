using Microsoft.AspNetCore.Mvc.Filters;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>
/// A POST (or any other method) to a page with no handler for it answers 405 with the explained error page, instead
/// of rendering a page whose model was never loaded.
/// </summary>
public sealed class HandlerRequiredFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            var allowed = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant())
                .Append("GET").Distinct(StringComparer.Ordinal);
            context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        await next();
    }
}
