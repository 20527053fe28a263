using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Tests.Infrastructure.Jobs;

/// <summary>The job mechanism itself: one run per due time across nodes, retries with back-off, state anyone can read.</summary>
public sealed class JobRunnerTests(AppPerDatabase apps) : IClassFixture<AppPerDatabase>
{
    private readonly WithUsFactory app = apps.Current;

    private static async Task MakeDueAsync(JobNode node, string name) =>
        await node.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<WithUsDbContext>();
            db.JobStates.Add(new JobState
            {
                Name = name,
                NextRunAtUtc = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddSeconds(-1),
            });
            await db.SaveChangesAsync();
        });

    [DatabaseFact]
    public async Task DueJob_OnTwoNodesOfOneDatabase_RunsOnce()
    {
        var probe = new JobProbe { RunTime = TimeSpan.FromMilliseconds(300) };
        await using var first = new JobNode(app.Provider, probe);
        await using var second = new JobNode(app.Provider, probe, first.Database.ConnectionString);
        await MakeDueAsync(first, ProbeJob.Name);

        // Three looks from each node at the same moment, as their loops would when the due time comes. Each node's own
        // loop may also be looking (it looks once at start), so any of them may be the one that runs it.
        var outcomes = await Task.WhenAll(new[] { first.Runner, second.Runner }
            .SelectMany(runner => Enumerable.Range(0, 3).Select(_ => runner.RunIfDueAsync(ProbeJob.Name, force: false, CancellationToken.None))));
        var state = await WaitForAsync(first, ProbeJob.Name, s => s.LeaseId is null && s.Runs > 0);

        probe.Runs.ShouldBe(1, string.Join(", ", outcomes.Select(o => o.Kind)));
        probe.MostAtOnce.ShouldBe(1);
        outcomes.Count(o => o.Kind == JobOutcomeKind.Succeeded).ShouldBeLessThanOrEqualTo(1);
        state.Status.ShouldBe(JobStatus.Succeeded);
        state.Runs.ShouldBe(1);
        state.NextRunAtUtc.ShouldBeNull("a job with no schedule waits to be woken");
        state.LastSucceededAtUtc.ShouldNotBeNull();
        state.LeasedBy.ShouldBeNull("the lease is given up when the run ends");
        (await second.Runner.RunIfDueAsync(ProbeJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.NotDue);
    }

    [DatabaseFact]
    public async Task WokenOnTwoNodesAtOnce_RunsOneAtATime_AndNeitherWakeIsLost()
    {
        var probe = new JobProbe { RunTime = TimeSpan.FromMilliseconds(500) };
        await using var first = new JobNode(app.Provider, probe);
        await using var second = new JobNode(app.Provider, probe, first.Database.ConnectionString);
        _ = first.Runner;
        _ = second.Runner;

        first.Services.GetRequiredService<JobSignals>().Wake<ProbeJob>();
        second.Services.GetRequiredService<JobSignals>().Wake<ProbeJob>();

        (await probe.WaitForRunsAsync(2)).ShouldBeGreaterThanOrEqualTo(2, "a node woken while the other runs it asks for one more run");
        probe.MostAtOnce.ShouldBe(1);
    }

    [DatabaseFact]
    public async Task FailingJob_IsRetriedWithBackOff_RecordsItsError_ThenGivesUpUntilWoken()
    {
        var clock = new ManualClock();
        var probe = new JobProbe { FailuresLeft = int.MaxValue };
        await using var node = new JobNode(app.Provider, probe, clock: clock);
        var runner = node.Runner;

        (await runner.RunIfDueAsync(FailingJob.Name, force: true, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.Failed);
        var afterFirst = await node.StateAsync(FailingJob.Name);
        (await runner.RunIfDueAsync(FailingJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.NotDue);
        clock.Advance(TimeSpan.FromMinutes(1));
        (await runner.RunIfDueAsync(FailingJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.Failed);
        var afterSecond = await node.StateAsync(FailingJob.Name);
        clock.Advance(TimeSpan.FromMinutes(3));
        (await runner.RunIfDueAsync(FailingJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.NotDue, "the second wait is four minutes");
        clock.Advance(TimeSpan.FromMinutes(1));
        (await runner.RunIfDueAsync(FailingJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.Failed);
        var gaveUp = await node.StateAsync(FailingJob.Name);
        clock.Advance(TimeSpan.FromDays(1));
        (await runner.RunIfDueAsync(FailingJob.Name, force: false, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.NotDue);

        afterFirst!.Status.ShouldBe(JobStatus.Retrying);
        afterFirst.Attempts.ShouldBe(1);
        afterFirst.LastError.ShouldBe("InvalidOperationException: Simulated outage on attempt 1");
        afterFirst.NextRunAtUtc!.Value.ShouldBe(afterFirst.LastFailedAtUtc!.Value.AddMinutes(1), TimeSpan.FromMilliseconds(1));
        afterSecond!.Attempts.ShouldBe(2);
        afterSecond.LastError.ShouldBe("InvalidOperationException: Simulated outage on attempt 2");
        afterSecond.NextRunAtUtc!.Value.ShouldBe(afterSecond.LastFailedAtUtc!.Value.AddMinutes(4), TimeSpan.FromMilliseconds(1));
        gaveUp!.Status.ShouldBe(JobStatus.Failed);
        gaveUp.Attempts.ShouldBe(3);
        gaveUp.NextRunAtUtc.ShouldBeNull("after its last attempt a job with no schedule waits to be woken");
        probe.Runs.ShouldBe(3);

        probe.FailuresLeft = 0;
        (await runner.RunIfDueAsync(FailingJob.Name, force: true, CancellationToken.None)).Kind.ShouldBe(JobOutcomeKind.Succeeded);
        var recovered = await node.StateAsync(FailingJob.Name);
        recovered!.Status.ShouldBe(JobStatus.Succeeded);
        recovered.Attempts.ShouldBe(1, "a wake-up after giving up starts a new run");
        recovered.Runs.ShouldBe(4);
        recovered.LastError.ShouldBe("InvalidOperationException: Simulated outage on attempt 3", "the last error stays readable after a success");
    }

    [DatabaseFact]
    public async Task PeriodicJob_RunsByItself_AndWakeUpRunsAJobAtOnce()
    {
        var probe = new JobProbe { TickEvery = TimeSpan.FromMilliseconds(200) };
        await using var node = new JobNode(app.Provider, probe);
        _ = node.Runner;

        (await probe.WaitForRunsAsync(3)).ShouldBeGreaterThanOrEqualTo(3);
        var ticking = await node.StateAsync(TickingJob.Name);
        node.Services.GetRequiredService<JobSignals>().Wake<ProbeJob>();
        var probeState = await WaitForAsync(node, ProbeJob.Name, s => s.Runs == 1);

        ticking!.Runs.ShouldBeGreaterThanOrEqualTo(2);
        ticking.Status.ShouldBeOneOf(JobStatus.Succeeded, JobStatus.Running);
        probeState.Status.ShouldBe(JobStatus.Succeeded);
        probeState.LastStartedAtUtc.ShouldNotBeNull();
    }

    private static async Task<JobState> WaitForAsync(JobNode node, string name, Func<JobState, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var state = await node.StateAsync(name);
            if (state is not null && done(state))
            {
                return state;
            }

            DateTime.UtcNow.ShouldBeLessThan(until, $"{name} did not reach the expected state; last seen {state?.Status}");
            await Task.Delay(50);
        }
    }
}
