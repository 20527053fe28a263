namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>When a job runs and how it is retried. Named options, one per job, set where the job is registered.</summary>
public sealed class JobSchedule
{
    /// <summary>False leaves the job alone entirely: no run and no database work (email with no SMTP server, say).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time from the end of one run to the next, across all nodes; null for a job that runs only when woken.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>Run once when this node starts, whatever the schedule says (to pick up work left by a stopped node).</summary>
    public bool RunAtStart { get; set; }

    /// <summary>How long a node holds the job; another node may take it over only after this. Longer than a run.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries of one run, the first included, before it is recorded as failed and left for the next run.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// The wait after the given failed attempt (1 for the first): 1, 4, 9, 16 minutes by default, so a broken
    /// dependency is not hammered. A periodic job never waits longer than <see cref="Every"/>.
    /// </summary>
    public Func<int, TimeSpan> RetryDelay { get; set; } = attempt => TimeSpan.FromMinutes(attempt * attempt);

    /// <summary>The hours between runs for a maintenance job, from its setting (0 or less turns it off).</summary>
    public static int Hours(IConfiguration configuration, string setting, int hours = 24) => configuration.GetValue(setting, hours);

    /// <summary>
    /// A maintenance job: when the node starts and then every so many hours, read from <paramref name="setting"/>
    /// (24 unless it says otherwise); 0 turns the job off.
    /// </summary>
    public void AtStartAndEvery(IConfiguration configuration, string setting)
    {
        var hours = Hours(configuration, setting);
        Enabled = hours > 0;
        RunAtStart = true;
        Every = TimeSpan.FromHours(Math.Max(1, hours));
    }
}
