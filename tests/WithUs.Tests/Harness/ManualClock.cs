namespace WithUs.Tests.Harness;

/// <summary>A clock the test moves by hand, so "within a minute" is tested without waiting a minute.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    /// <summary>Puts the clock at a given moment (a summer night, a clock change).</summary>
    public void Set(DateTimeOffset moment) => now = moment;
}

/// <summary>The app with its clock in the test's hand (for the Identity cookie and security-stamp checks too).</summary>
public class ClockedWithUsFactory(DatabaseProvider provider) : WithUsFactory(provider)
{
    public ManualClock Clock { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Clock);
        });
    }
}
