namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>What a running job may know about its run, and the one thing it may ask for: more time.</summary>
public sealed class JobContext(string name, int attempt, Func<CancellationToken, Task<bool>> renewLease)
{
    public string Name { get; } = name;

    /// <summary>1 for a first try; 2 and up while earlier tries of the same run have failed.</summary>
    public int Attempt { get; } = attempt;

    /// <summary>
    /// Extends this node's lease by the job's <see cref="JobSchedule.Lease"/>, for a job that works through items each
    /// shorter than the lease but together longer. False when the lease was lost (it ran out and another node took over).
    /// </summary>
    public Task<bool> RenewLeaseAsync(CancellationToken cancellationToken) => renewLease(cancellationToken);
}
