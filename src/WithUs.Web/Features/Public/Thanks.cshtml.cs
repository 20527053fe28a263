using Microsoft.AspNetCore.Mvc.RazorPages;

namespace WithUs.Web.Features.Public;

/// <summary>After someone has told us something: thanks, and what happens next.</summary>
[AllowAnonymous]
[PublicPagesOpen]
public sealed class ThanksModel(TenantContext tenant) : PageModel
{
    public string Slug => tenant.Organisation!.Slug;

    public string OrganisationName => tenant.Organisation!.Name;

    public void OnGet()
    {
    }
}
