using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>Shared page behaviour: a failed post re-renders the same page with 400 and everything the person typed.</summary>
public abstract class WithUsPageModel : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    protected PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    protected PageResult Invalid(string key, string message)
    {
        ModelState.AddModelError(key, message);
        return Invalid();
    }
}
