namespace WithUs.Web.Infrastructure.Tenancy;

/// <summary>
/// A page under /o/{org}: the organisation and the person's role in it, resolved once by the tenant middleware,
/// and the records the route names, loaded (or answered 404) by <see cref="RouteResourceFilter"/>.
/// </summary>
public abstract class OrganisationPageModel : WithUsPageModel
{
    protected TenantContext Tenant => HttpContext.RequestServices.GetRequiredService<TenantContext>();

    public Organisation Organisation =>
        Tenant.Organisation ?? throw new InvalidOperationException("An organisation page was reached without an organisation.");

    /// <summary>The organisation's address name, for links (asp-route-org).</summary>
    public string Slug => Organisation.Slug;

    public OrganisationRole? Role => Tenant.Role;

    /// <summary>The record the route names, already loaded in this organisation and tracked.</summary>
    protected T RouteResource<T>()
        where T : class =>
        HttpContext.Items[typeof(T)] as T
        ?? throw new InvalidOperationException($"No {typeof(T).Name} for this route: register it with AddRouteResource<{typeof(T).Name}>(\"...Id\").");
}
