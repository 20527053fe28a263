using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WithUs.Web.Infrastructure.Ui;

/// <summary>Shared page behaviour: a failed post re-renders the same page with 400 and everything the person typed.</summary>
public abstract class WithUsPageModel : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>
    /// A link to another page of a list. "page" cannot be a route value in Razor Pages (it names the page itself),
    /// so the page number is added to the query string here.
    /// </summary>
    protected static string PagedLink(string link, int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(link, "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture));

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
