using System.Collections.Concurrent;

namespace WithUs.Web.Infrastructure.Jobs;

/// <summary>
/// "Run now" for a job on this node, without touching the database, so a page that wakes a job costs its request
/// nothing. Several wake-ups before the job gets to them make one run.
/// </summary>
public sealed class JobSignals(IEnumerable<JobRegistration> registrations) : IDisposable
{
    private readonly Dictionary<Type, string> names = registrations.ToDictionary(r => r.JobType, r => r.Name);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new(StringComparer.Ordinal);

    public void Wake<TJob>()
        where TJob : IJob =>
        Wake(names.TryGetValue(typeof(TJob), out var name)
            ? name
            : throw new InvalidOperationException($"{typeof(TJob).Name} is not registered with AddJob."));

    public void Wake(string name)
    {
        var signal = For(name);
        lock (signal)
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
    }

    internal SemaphoreSlim For(string name) => signals.GetOrAdd(name, _ => new SemaphoreSlim(0, 1));

    public void Dispose()
    {
        foreach (var signal in signals.Values)
        {
            signal.Dispose();
        }
    }
}
