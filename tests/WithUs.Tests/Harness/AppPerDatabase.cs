namespace WithUs.Tests.Harness;

/// <summary>
/// A test class's apps: one per database, each started when the class's first test on that database asks for it and
/// stopped (its database dropped) when the class is done. <see cref="Current"/> is the one the running test is on.
/// </summary>
public class AppPerDatabase<TApp>(Func<DatabaseProvider, TApp> create) : IAsyncLifetime
    where TApp : WithUsFactory
{
    private readonly Lock gate = new();
    private readonly Dictionary<DatabaseProvider, TApp> apps = [];

    public TApp Current
    {
        get
        {
            var provider = TestDatabase.Current;
            lock (gate)
            {
                if (!apps.TryGetValue(provider, out var app))
                {
                    app = create(provider);
                    apps[provider] = app;
                }

                return app;
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        List<TApp> started;
        lock (gate)
        {
            started = [.. apps.Values];
            apps.Clear();
        }

        foreach (var app in started)
        {
            await app.DisposeAsync();
        }
    }
}

/// <summary>The app as it runs in production, on each database.</summary>
public sealed class AppPerDatabase() : AppPerDatabase<WithUsFactory>(provider => new WithUsFactory(provider));

/// <summary>The app with its clock in the test's hand, on each database.</summary>
public sealed class ClockedAppPerDatabase() : AppPerDatabase<ClockedWithUsFactory>(provider => new ClockedWithUsFactory(provider));
