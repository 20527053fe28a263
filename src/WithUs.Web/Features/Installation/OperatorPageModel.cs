using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Installation;

/// <summary>
/// Pages for whoever runs the installation. Everyone else gets 404 before any handler runs, including a request
/// that names no handler at all.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize]
public abstract class OperatorPageModel(UserManager<ApplicationUser> users) : WithUsPageModel
{
    protected UserManager<ApplicationUser> Users { get; } = users;

    // Not a handler: without this, Razor Pages would also offer it as one ("PAGE ...?handler=HandlerExecution").
    [NonHandler]
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if ((await Users.GetUserAsync(User))?.IsOperator != true)
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }
}
