namespace WithUs.Web.Features.Public;

public static class PublicServices
{
    /// <summary>The public pages: the output cache that keeps the pages that only read, and what evicts them.</summary>
    public static IServiceCollection AddPublic(this IServiceCollection services)
    {
        services.AddOutputCache(o =>
        {
            o.AddPolicy(PublicOutputCachePolicy.Name, new PublicOutputCachePolicy());
            // A third of the framework's default of 100 MB: a region's public pages are small (a page of 25 outcomes is
            // tens of KB), and the process's whole budget is 500 MB (issue 9).
            o.SizeLimit = 32 * 1024 * 1024;
        });
        services.AddSingleton<PublicPageEviction>();
        services.AddSingleton<IFeatureSaveChangesInterceptor>(sp => sp.GetRequiredService<PublicPageEviction>());
        services.AddSingleton<IDirectWriteListener>(sp => sp.GetRequiredService<PublicPageEviction>());
        return services;
    }
}
