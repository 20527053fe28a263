namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// Background work run by <see cref="JobRunner"/>: on a schedule, when woken, or both. Register it with
/// <see cref="JobServiceCollectionExtensions.AddJob{TJob}"/>. It runs on one node at a time; throwing counts as a failed
/// attempt, tried again with back-off. Work that items claim for themselves (an email, an import) stays safe even if
/// a run outlives its lease.
/// </summary>
public interface IJob
{
    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
