using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WithUs.Web.Infrastructure.Jobs;

public static class JobServiceCollectionExtensions
{
    /// <summary>
    /// Registers a job under a stable name (its state row's key; do not rename it once released). The job is resolved
    /// from a new scope for each run, so it may take scoped services such as the DbContext; register it as a singleton
    /// first if other code holds on to it. <paramref name="schedule"/> sets when it runs; with none it runs only when
    /// woken through <see cref="JobSignals"/>.
    /// </summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name,
        Action<JobSchedule, IConfiguration>? schedule = null)
        where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > JobState.NameMaxLength)
        {
            throw new ArgumentException($"A job name is at most {JobState.NameMaxLength} characters.", nameof(name));
        }

        services.AddJobRunner();
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob)));
        var options = services.AddOptions<JobSchedule>(name);
        if (schedule is not null)
        {
            options.Configure<IConfiguration>(schedule);
        }

        return services;
    }

    private static void AddJobRunner(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(JobRunner)))
        {
            return;
        }

        services.AddSingleton<JobSignals>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
    }
}
