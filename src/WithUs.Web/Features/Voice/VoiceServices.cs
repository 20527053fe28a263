using WithUs.Web.Features.Voice.Import;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Features.Voice.Similarity;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.Voice;

public static class VoiceServices
{
    /// <summary>Voice: similar contributions by words and by meaning and the themes they suggest, their indexes and their rebuilding, and importing a spreadsheet in the background.</summary>
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddRouteResource<Contribution>("contributionId");
        // The batch pages show progress and findings, polled while it runs; the uploaded file stays in the database.
        services.AddRouteResource<ImportBatch>("batchId", q => q.AsNoTracking().Select(ImportBatch.WithoutFile));
        services.AddScoped<ISimilarityScorer, LexicalScorer>();
        services.AddSingleton<SentenceModel>();
        services.AddSingleton<OrganisationVectors>();
        services.AddSingleton<TermStatistics>();
        services.AddScoped<ISimilarityScorer, EmbeddingScorer>();
        services.AddScoped<SimilarContributions>();
        services.AddScoped<ThemeSuggestions>();
        services.AddSingleton<IFeatureSaveChangesInterceptor, ContributionIndexer>();
        services.AddJob<TermReindexJob>(TermReindexJob.JobName, TermReindexJob.Schedule);
        services.AddSingleton<IFeatureSaveChangesInterceptor, ContributionEmbeddings>();
        services.AddJob<EmbeddingJob>(EmbeddingJob.JobName, EmbeddingJob.Schedule);
        services.AddSameIdea();
        services.AddScoped<IFeatureSaveChangesInterceptor, Outcomes.OutcomeHistory>();
        services.AddJob<KeptCountsJob>(KeptCountsJob.JobName, KeptCountsJob.Schedule);

        services.AddSingleton<ImportProgress>();
        services.AddSingleton<ImportHooks>();
        services.AddScoped<VoiceImporter>();
        services.AddSingleton<BulkContributions>();
        services.AddJob<ImportWorker>(ImportWorker.JobName, ImportWorker.Schedule);
        return services;
    }
}
