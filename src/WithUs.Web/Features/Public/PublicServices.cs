namespace WithUs.Web.Features.Public;

public static class PublicServices
{
    /// <summary>The public pages: the output cache that keeps the pages that only read, and what evicts them.</summary>
    public static IServiceCollection AddPublic(this IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(PublicOutputCachePolicy.Name, new PublicOutputCachePolicy()));
        services.AddSingleton<PublicPageEviction>();
        services.AddSingleton<IFeatureSaveChangesInterceptor>(sp => sp.GetRequiredService<PublicPageEviction>());
        services.AddSingleton<IDirectWriteListener>(sp => sp.GetRequiredService<PublicPageEviction>());
        return services;
    }
}
