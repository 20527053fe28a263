namespace WithUs.Web.Features.Demo;

public static class DemoServices
{
    /// <summary>The demo: invented organisations, people and voices, filled in when the app runs with --demo.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services) => services.AddScoped<DemoSeeder>();
}
