using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;

namespace WithUs.Web.Infrastructure.Authorisation;

/// <summary>
/// Which role each organisation page needs, read once from the compiled pages: the same attribute the authorisation
/// convention enforces, so navigation never links someone to a page that would refuse them.
/// </summary>
public sealed class PageAccess
{
    private const string PageKind = "mvc.1.0.razor-page";
    private const string PagesRoot = "/Features";

    private readonly Dictionary<string, OrganisationRole> organisationPages;

    public PageAccess()
        : this(typeof(PageAccess).Assembly)
    {
    }

    public PageAccess(Assembly assembly)
    {
        organisationPages = new Dictionary<string, OrganisationRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in new RazorCompiledItemLoader().LoadItems(assembly).Where(i => i.Kind == PageKind))
        {
            var template = item.Metadata.OfType<RazorCompiledItemMetadataAttribute>()
                .FirstOrDefault(m => m.Key == "RouteTemplate")?.Value;
            if (!IsOrganisationRoute(template))
            {
                continue;
            }

            var model = item.Type.GetProperty("Model")?.PropertyType;
            organisationPages[PageName(item.Identifier)] = MinimumRoleOf(model);
        }
    }

    /// <summary>The organisation pages by page name ("/Voice/Index"), each with the least role that opens it.</summary>
    public IReadOnlyDictionary<string, OrganisationRole> OrganisationPages => organisationPages;

    /// <summary>Whether someone with this role in the organisation may open the page.</summary>
    public bool Allows(string pageName, OrganisationRole? role) =>
        role is { } r && organisationPages.TryGetValue(pageName, out var minimum) && r >= minimum;

    public static bool IsOrganisationRoute(string? template) =>
        template is not null && template.TrimStart('/').StartsWith("o/{org}", StringComparison.OrdinalIgnoreCase);

    public static OrganisationRole MinimumRoleOf(Type? pageModel) =>
        pageModel?.GetCustomAttribute<MinimumRoleAttribute>(inherit: true)?.Role ?? OrganisationRole.Staff;

    private static string PageName(string identifier)
    {
        var path = identifier.StartsWith(PagesRoot + "/", StringComparison.OrdinalIgnoreCase) ? identifier[PagesRoot.Length..] : identifier;
        return path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) ? path[..^".cshtml".Length] : path;
    }
}
