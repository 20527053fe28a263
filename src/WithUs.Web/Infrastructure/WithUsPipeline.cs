using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Demo;
using WithUs.Web.Features.Setup;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Infrastructure;

public static class WithUsPipeline
{
    public static WebApplication UseWithUs(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseMiddleware<RequireHttpsMiddleware>();
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // Before the organisation is looked up: a public page served from the cache costs no query at all.
        app.UseOutputCache();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<TwoFactorRequiredMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapRazorPages();
        return app;
    }

    /// <summary>Brings the database up to date, fills the demo if asked, and tells the operator how to set up.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WithUsDbContext>();
        await db.Database.MigrateAsync();

        var options = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        if (options.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        if (!await SetupToken.IsSetUpAsync(db))
        {
            var token = app.Services.GetRequiredService<SetupToken>();
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = string.Join(", ", app.Urls.DefaultIfEmpty("http://127.0.0.1:5000"));
                // Deliberately not through the logger: the token is a secret for the operator's eyes, not the log store.
                Console.Out.WriteLine($"""

                    ==============================================================
                     WithUs is not set up yet.
                     Open {addresses}/setup and enter this set-up token:

                         {token.Display}

                     The token changes every time WithUs starts, until set-up is done.
                    ==============================================================

                    """);
            });
        }
    }

    /// <summary>
    /// How the host is built. The content root (where appsettings.json is read from) is the app's own folder, whatever
    /// folder it was started from, unless the command line or the environment names one: started from elsewhere with
    /// the default (the working directory), the settings were silently not found and every SQL statement was logged.
    /// </summary>
    public static WebApplicationOptions Options(string[] args, Func<string, string?> environment)
    {
        var translated = TranslateArguments(args);
        return new WebApplicationOptions
        {
            Args = translated,
            ContentRootPath = ContentRootConfigured(translated, environment) ? null : AppContext.BaseDirectory,
        };
    }

    private static bool ContentRootConfigured(string[] args, Func<string, string?> environment) =>
        !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"))
        || args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase));

    /// <summary>"--demo" on the command line means Database:Demo=true.</summary>
    public static string[] TranslateArguments(string[] args) =>
        args.Select(a => string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase) ? "--Database:Demo=true" : a).ToArray();
}
