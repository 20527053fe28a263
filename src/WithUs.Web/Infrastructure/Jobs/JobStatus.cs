namespace WithUs.Web.Infrastructure.Jobs;

public enum JobStatus
{
    /// <summary>Not run yet, or stopped part-way when its node shut down.</summary>
    Waiting = 0,

    Running = 1,

    Succeeded = 2,

    /// <summary>The last attempt failed; it will be tried again at the next run time.</summary>
    Retrying = 3,

    /// <summary>Every attempt failed; the job waits for its next scheduled run or a wake-up.</summary>
    Failed = 4,
}
