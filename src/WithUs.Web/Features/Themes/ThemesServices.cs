namespace WithUs.Web.Features.Themes;

public static class ThemesServices
{
    /// <summary>Themes: a theme loaded from the route for its pages, and the build-up window's counts kept in memory.</summary>
    public static IServiceCollection AddThemes(this IServiceCollection services) =>
        services.AddRouteResource<Theme>("themeId")
            .AddMemoryCache()
            .AddSingleton<BuildUpCounts>();
}
