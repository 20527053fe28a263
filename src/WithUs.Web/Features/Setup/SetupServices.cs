namespace WithUs.Web.Features.Setup;

public static class SetupServices
{
    /// <summary>Set-up: the one-time token printed for the operator until the installation is set up.</summary>
    public static IServiceCollection AddSetup(this IServiceCollection services) => services.AddSingleton<SetupToken>();
}
