using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace WithUs.Web.Infrastructure.Authorisation;

/// <summary>
/// Closes every page under /o/{org} to anyone below its minimum role (staff unless the page says otherwise), so a
/// page that forgets to ask is never open to partners. A page there may not make its own authorisation decisions:
/// two sources of truth would let one quietly widen the other.
/// </summary>
public sealed class OrganisationPageConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (!PageAccess.IsOrganisationRoute(model.RouteTemplate()))
        {
            return;
        }

        var own = model.HandlerTypeAttributes.Concat(model.ModelType?.GetCustomAttributes(inherit: true) ?? [])
            .OfType<IAllowAnonymous>().Cast<object>()
            .Concat(model.HandlerTypeAttributes.OfType<IAuthorizeData>())
            .ToList();
        if (own.Count > 0)
        {
            throw new InvalidOperationException(
                $"The page {model.ViewEnginePath} is under /o/{{org}} and sets its own authorisation ({own[0].GetType().Name}). " +
                $"Say who may open it with [{nameof(MinimumRoleAttribute)}] instead, or leave it out for staff.");
        }

        model.EndpointMetadata.Add(new AuthorizeAttribute(Policies.For(PageAccess.MinimumRoleOf(model.ModelType?.AsType()))));
    }
}

internal static class PageApplicationModelExtensions
{
    public static string? RouteTemplate(this PageApplicationModel model) =>
        model.ActionDescriptor.AttributeRouteInfo?.Template;
}
