namespace WithUs.Web.Features.Public;

/// <summary>
/// A page of an organisation's public site (/p/{publicOrg}): anyone may read it, while the organisation's public
/// pages are open, and it shows nothing of anyone's account.
/// </summary>
[AllowAnonymous]
[PublicPagesOpen]
public abstract class PublicPageModel : WithUsPageModel
{
    public Organisation Organisation =>
        HttpContext.RequestServices.GetRequiredService<TenantContext>().Organisation
        ?? throw new InvalidOperationException("A public page was reached without an organisation.");

    /// <summary>The organisation's address name, for links (asp-route-publicOrg).</summary>
    public string Slug => Organisation.Slug;

    public string OrganisationName => Organisation.Name;
}
