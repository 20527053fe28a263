namespace WithUs.Web.Features.Themes;

public static class ThemesServices
{
    /// <summary>Themes: a theme loaded from the route for its pages.</summary>
    public static IServiceCollection AddThemes(this IServiceCollection services) =>
        services.AddRouteResource<Theme>("themeId");
}
