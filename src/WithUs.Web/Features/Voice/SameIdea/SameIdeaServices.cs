using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice.SameIdea;

public static class SameIdeaServices
{
    /// <summary>"These look like the same idea — link them?": finding the pairs off the request, and the offer's pages.</summary>
    public static IServiceCollection AddSameIdea(this IServiceCollection services)
    {
        services.AddRouteResource<SameIdeaOffer>("offerId");
        services.AddScoped<SameIdeaFinder>();
        services.AddSingleton<IFeatureSaveChangesInterceptor, SameIdeaWatcher>();
        services.AddJob<SameIdeaJob>(SameIdeaJob.JobName, SameIdeaJob.Schedule);
        return services;
    }
}
