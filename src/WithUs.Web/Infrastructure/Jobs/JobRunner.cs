using Microsoft.Extensions.Options;

namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// Runs every registered job on this node: when it is due (its shared state row says so), when it is woken, and once
/// at start for a job that asks for it. A node runs a job only after claiming it with a conditional update of that
/// row, which checks a version number, so one node runs each due run however many look at once; the claim is a lease
/// that another node may take over if the holder dies. The database is read only when a job is due or woken, never
/// on an idle timer.
/// </summary>
public sealed class JobRunner : BackgroundService
{
    /// <summary>How soon to look again when the state row itself could not be read or written.</summary>
    private static readonly TimeSpan AfterStateError = TimeSpan.FromMinutes(1);

    /// <summary>Task.Delay's limit is about 49 days; a job that waits longer just looks again.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    private readonly IServiceScopeFactory scopes;
    private readonly IOptionsMonitor<JobSchedule> schedules;
    private readonly JobSignals signals;
    private readonly TimeProvider clock;
    private readonly ILogger<JobRunner> logger;
    private readonly Dictionary<string, JobRegistration> jobs = new(StringComparer.Ordinal);

    public JobRunner(IServiceScopeFactory scopes, IEnumerable<JobRegistration> registrations,
        IOptionsMonitor<JobSchedule> schedules, JobSignals signals, TimeProvider clock, ILogger<JobRunner> logger)
    {
        this.scopes = scopes;
        this.schedules = schedules;
        this.signals = signals;
        this.clock = clock;
        this.logger = logger;
        foreach (var registration in registrations)
        {
            if (!jobs.TryAdd(registration.Name, registration))
            {
                throw new InvalidOperationException($"Two jobs are registered as '{registration.Name}'.");
            }
        }

        // Several app instances may share a machine and a process (tests do): the random tail tells them apart.
        Node = $"{Environment.MachineName}/{Environment.ProcessId}/{Ids.New().ToString("N")[^8..]}";
    }

    /// <summary>This node, as written into the leases it holds.</summary>
    public string Node { get; }

    public IReadOnlyCollection<string> Names => jobs.Keys;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Keys.Where(name => schedules.Get(name).Enabled).Select(name => LoopAsync(name, stoppingToken)));

    private async Task LoopAsync(string name, CancellationToken stop)
    {
        await Task.Yield();
        var schedule = schedules.Get(name);
        var signal = signals.For(name);
        var force = schedule.RunAtStart;

        // Look at the shared state once at start: a retry or a periodic run may already be due.
        DateTime? next = UtcNow();
        try
        {
            while (true)
            {
                if (!force)
                {
                    force = await WaitAsync(signal, next, stop);
                }

                try
                {
                    next = (await RunIfDueAsync(name, force, stop)).NextCheckUtc;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // Whatever went wrong, the loop must go on: a fault here would stop the whole app.
                    logger.LogWarning(ex, "Job {Job} could not be claimed or recorded; will try again", name);
                    next = Earliest(UtcNow() + AfterStateError, UtcNow() + schedule.Every);
                }

                force = false;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The node is stopping; a run it was in the middle of has released its lease.
        }
    }

    /// <summary>Waits until the given time or a wake-up, whichever comes first; true when woken.</summary>
    private async Task<bool> WaitAsync(SemaphoreSlim signal, DateTime? nextUtc, CancellationToken stop)
    {
        var delay = nextUtc is { } at ? at - UtcNow() : (TimeSpan?)null;
        if (delay <= TimeSpan.Zero)
        {
            return await signal.WaitAsync(0, stop);
        }

        using var race = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var woken = signal.WaitAsync(race.Token);
        var timer = Task.Delay(delay is { } d && d < LongestWait ? d : LongestWait, clock, race.Token);
        await Task.WhenAny(woken, timer);
        await race.CancelAsync();
        stop.ThrowIfCancellationRequested();
        return woken.IsCompletedSuccessfully;
    }

    /// <summary>
    /// Runs the job here if it is due (or <paramref name="force"/>: woken) and no other node holds it. Used by this
    /// node's loop, and by tests that play several nodes.
    /// </summary>
    internal async Task<JobOutcome> RunIfDueAsync(string name, bool force, CancellationToken cancellationToken)
    {
        var registration = jobs.TryGetValue(name, out var found)
            ? found
            : throw new InvalidOperationException($"No job is registered as '{name}'.");
        var schedule = schedules.Get(name);
        for (var tries = 0; tries < 3; tries++)
        {
            var claim = await TryClaimAsync(name, schedule, force, cancellationToken);
            if (claim.LeaseId is { } leaseId)
            {
                return await RunClaimedAsync(registration, schedule, leaseId, claim.Attempt, cancellationToken);
            }

            if (claim.Outcome is { } outcome)
            {
                return outcome;
            }

            // Another node changed the row between our read and our write: read it again.
        }

        return new JobOutcome(JobOutcomeKind.Busy, UtcNow() + TimeSpan.FromSeconds(1));
    }

    private async Task<Claim> TryClaimAsync(string name, JobSchedule schedule, bool force, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var now = UtcNow();
        var state = await db.JobStates.AsNoTracking().SingleOrDefaultAsync(j => j.Name == name, cancellationToken);
        var leaseId = Ids.New();
        var leaseUntil = now + schedule.Lease;
        if (state is null)
        {
            if (!force && schedule.Every is null)
            {
                return new Claim(null, 0, new JobOutcome(JobOutcomeKind.NotDue, null));
            }

            db.JobStates.Add(new JobState
            {
                Name = name,
                Status = JobStatus.Running,
                Attempts = 1,
                Version = 1,
                LeaseId = leaseId,
                LeasedBy = Node,
                LeaseUntilUtc = leaseUntil,
                LastStartedAtUtc = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new Claim(leaseId, 1, null);
            }
            catch (DbUpdateException)
            {
                // Another node made the row first.
                return new Claim(null, 0, null);
            }
        }

        var dueAt = state.NextRunAtUtc ?? (schedule.Every is null ? DateTime.MaxValue : DateTime.MinValue);
        if (!force && !state.RunRequested && dueAt > now)
        {
            return new Claim(null, 0, new JobOutcome(JobOutcomeKind.NotDue, state.NextRunAtUtc));
        }

        if (state.LeaseId is not null && state.LeaseUntilUtc >= now)
        {
            if (force && !state.RunRequested)
            {
                var asked = await db.JobStates.Where(j => j.Name == name && j.LeaseId == state.LeaseId)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.RunRequested, true), cancellationToken);
                if (asked == 0)
                {
                    return new Claim(null, 0, null);
                }
            }

            return new Claim(null, 0, new JobOutcome(JobOutcomeKind.Busy, Earliest(state.LeaseUntilUtc, now + schedule.Every)));
        }

        // A run whose node died while holding it counts as a failed attempt.
        var attempt = state.Status is JobStatus.Retrying or JobStatus.Running ? state.Attempts + 1 : 1;
        var claimed = await db.JobStates.Where(j => j.Name == name && j.Version == state.Version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Version, j => j.Version + 1)
                .SetProperty(j => j.Status, JobStatus.Running)
                .SetProperty(j => j.Attempts, attempt)
                .SetProperty(j => j.LeaseId, leaseId)
                .SetProperty(j => j.LeasedBy, Node)
                .SetProperty(j => j.LeaseUntilUtc, leaseUntil)
                .SetProperty(j => j.RunRequested, false)
                .SetProperty(j => j.LastStartedAtUtc, now), cancellationToken);
        return claimed == 1 ? new Claim(leaseId, attempt, null) : new Claim(null, 0, null);
    }

    private async Task<JobOutcome> RunClaimedAsync(JobRegistration registration, JobSchedule schedule, Guid leaseId,
        int attempt, CancellationToken cancellationToken)
    {
        var name = registration.Name;
        string? error = null;
        try
        {
            using var scope = scopes.CreateScope();
            var job = (IJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
            var context = new JobContext(name, attempt, token => RenewAsync(name, leaseId, schedule.Lease, token));
            await job.RunAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(name, leaseId);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Job {Job} failed on attempt {Attempt} of {MaxAttempts}", name, attempt, schedule.MaxAttempts);
            error = $"{ex.GetType().Name}: {ex.Message}";
            error = error.Length > JobState.LastErrorMaxLength ? error[..JobState.LastErrorMaxLength] : error;
        }

        return await FinishAsync(name, schedule, leaseId, attempt, error);
    }

    /// <summary>Records how the run went and gives up the lease; runs again at once if another node asked meanwhile.</summary>
    private async Task<JobOutcome> FinishAsync(string name, JobSchedule schedule, Guid leaseId, int attempt, string? error)
    {
        var finished = UtcNow();
        var periodic = finished + schedule.Every;
        var status = error is null ? JobStatus.Succeeded
            : attempt < schedule.MaxAttempts ? JobStatus.Retrying
            : JobStatus.Failed;
        var next = status == JobStatus.Retrying ? Earliest(finished + schedule.RetryDelay(attempt), periodic) : periodic;

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        Task<int> Write(IQueryable<JobState> row, DateTime? nextRun) => row.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(j => j.Version, j => j.Version + 1);
            s.SetProperty(j => j.Status, status);
            s.SetProperty(j => j.Runs, j => j.Runs + 1);
            s.SetProperty(j => j.LeaseId, (Guid?)null);
            s.SetProperty(j => j.LeasedBy, (string?)null);
            s.SetProperty(j => j.LeaseUntilUtc, (DateTime?)null);
            s.SetProperty(j => j.RunRequested, false);
            s.SetProperty(j => j.NextRunAtUtc, nextRun);
            s.SetProperty(j => j.LastFinishedAtUtc, finished);
            if (error is null)
            {
                s.SetProperty(j => j.LastSucceededAtUtc, finished);
            }
            else
            {
                s.SetProperty(j => j.LastFailedAtUtc, finished);
                s.SetProperty(j => j.LastError, error);
            }
        }, CancellationToken.None);

        var ours = db.JobStates.Where(j => j.Name == name && j.LeaseId == leaseId);
        var again = false;
        var written = await Write(ours.Where(j => !j.RunRequested), next);
        if (written == 0)
        {
            written = await Write(ours, finished);
            again = written == 1;
        }

        if (written == 0)
        {
            logger.LogWarning("Job {Job} ran past its lease and another node took it over; its outcome was not recorded", name);
        }

        var kind = error is null ? JobOutcomeKind.Succeeded : JobOutcomeKind.Failed;
        return new JobOutcome(kind, again ? finished : next);
    }

    private async Task<bool> RenewAsync(string name, Guid leaseId, TimeSpan lease, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        var until = UtcNow() + lease;
        return await db.JobStates.Where(j => j.Name == name && j.LeaseId == leaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntilUtc, until), cancellationToken) == 1;
    }

    /// <summary>The node is stopping mid-run: hand the run back so another node (or this one, restarted) does it now.</summary>
    private async Task ReleaseAsync(string name, Guid leaseId)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
            var now = UtcNow();
            await db.JobStates.Where(j => j.Name == name && j.LeaseId == leaseId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Version, j => j.Version + 1)
                .SetProperty(j => j.Status, JobStatus.Waiting)
                .SetProperty(j => j.LeaseId, (Guid?)null)
                .SetProperty(j => j.LeasedBy, (string?)null)
                .SetProperty(j => j.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(j => j.NextRunAtUtc, now), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Job {Job} stopped with its node and could not hand back its lease; it runs again when the lease ends", name);
        }
    }

    private DateTime UtcNow() => clock.GetUtcNow().UtcDateTime;

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Either a lease won (with the attempt it starts), a final outcome, or neither: the row changed underfoot.</summary>
    private readonly record struct Claim(Guid? LeaseId, int Attempt, JobOutcome? Outcome);
}
