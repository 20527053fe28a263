using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Data;

namespace WithUs.Web.Features.Voice;

public static class VoiceServices
{
    /// <summary>Voice: similar contributions and their index, and importing a spreadsheet in the background.</summary>
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddScoped<SimilarContributions>();
        services.AddSingleton<IFeatureSaveChangesInterceptor, ContributionIndexer>();

        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportHooks>();
        services.AddScoped<VoiceImporter>();
        services.AddSingleton<ImportWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ImportWorker>());
        return services;
    }
}
