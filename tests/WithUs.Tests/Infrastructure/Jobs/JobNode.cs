using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Infrastructure.Jobs;

/// <summary>
/// An app node with test jobs registered the way a feature registers its own. Give two nodes one connection string
/// to play two nodes of one installation; give them one <see cref="JobProbe"/> to see what both did.
/// </summary>
public sealed class JobNode(DatabaseProvider provider, JobProbe probe, string? connectionString = null, ManualClock? clock = null)
    : WithUsFactory(provider, connectionString is null ? null : new Dictionary<string, string?> { ["Database:ConnectionString"] = connectionString })
{
    public JobRunner Runner => Services.GetRequiredService<JobRunner>();

    public Task<JobState?> StateAsync(string name) =>
        this.InScopeAsync(services => services.GetRequiredService<WithUsDbContext>().JobStates.AsNoTracking()
            .SingleOrDefaultAsync(j => j.Name == name));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(probe);
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }

            services.AddJob<ProbeJob>(ProbeJob.Name);
            services.AddJob<FailingJob>(FailingJob.Name, (schedule, _) => schedule.MaxAttempts = 3);
            if (probe.TickEvery is { } every)
            {
                services.AddJob<TickingJob>(TickingJob.Name, (schedule, _) => schedule.Every = every);
            }
        });
    }
}

/// <summary>What the test jobs did, on every node that shares it.</summary>
public sealed class JobProbe
{
    private int runs;
    private int running;
    private int mostAtOnce;

    public TimeSpan RunTime { get; init; }

    public TimeSpan? TickEvery { get; init; }

    public int FailuresLeft { get; set; }

    public int Runs => Volatile.Read(ref runs);

    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while (now > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
        {
        }

        try
        {
            await Task.Delay(RunTime, cancellationToken);
            Interlocked.Increment(ref runs);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    public async Task<int> WaitForRunsAsync(int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Runs < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Runs;
    }
}

/// <summary>Runs only when woken or due; takes <see cref="JobProbe.RunTime"/>, so runs on two nodes would overlap.</summary>
public sealed class ProbeJob(JobProbe probe) : IJob
{
    public const string Name = "test-probe";

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) => probe.RunAsync(cancellationToken);
}

/// <summary>Fails while the probe says so, as a job whose dependency is down would.</summary>
public sealed class FailingJob(JobProbe probe) : IJob
{
    public const string Name = "test-failing";

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        await probe.RunAsync(cancellationToken);
        if (probe.FailuresLeft > 0)
        {
            probe.FailuresLeft--;
            throw new InvalidOperationException($"Simulated outage on attempt {context.Attempt}");
        }
    }
}

/// <summary>A periodic job: it runs by itself, with nobody waking it.</summary>
public sealed class TickingJob(JobProbe probe) : IJob
{
    public const string Name = "test-ticking";

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) => probe.RunAsync(cancellationToken);
}
