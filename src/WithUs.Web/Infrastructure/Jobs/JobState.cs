namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// One row per job, shared by every node: the lease that lets one node run it at a time, when it runs next, and how
/// its last run went (shown to the installation's operator).
/// </summary>
public sealed class JobState
{
    public required string Name { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>The attempt the last or current run is on: 1 unless earlier tries failed.</summary>
    public int Attempts { get; set; }

    /// <summary>Runs finished, successful or not.</summary>
    public int Runs { get; set; }

    /// <summary>Changed by every claim and finish, so a node that read the row before another claimed it cannot claim it too.</summary>
    public int Version { get; set; }

    /// <summary>The current holder's own lease: only it may finish or renew the run.</summary>
    public Guid? LeaseId { get; set; }

    /// <summary>Which node holds the lease, for people reading the state.</summary>
    public string? LeasedBy { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }

    /// <summary>A node was woken while another held the lease: the holder runs once more when it finishes.</summary>
    public bool RunRequested { get; set; }

    /// <summary>When it is next due (a retry or the next periodic run); null for a job that waits to be woken.</summary>
    public DateTime? NextRunAtUtc { get; set; }

    public DateTime? LastStartedAtUtc { get; set; }

    public DateTime? LastFinishedAtUtc { get; set; }

    public DateTime? LastSucceededAtUtc { get; set; }

    public DateTime? LastFailedAtUtc { get; set; }

    /// <summary>The error of the last failed attempt, kept after a later success so it can still be read.</summary>
    public string? LastError { get; set; }

    public const int NameMaxLength = 100;
    public const int LeasedByMaxLength = 200;
    public const int LastErrorMaxLength = 1000;
}
