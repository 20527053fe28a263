using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Features.Demo;
using WithUs.Web.Features.Members;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects;
using WithUs.Web.Features.Public;
using WithUs.Web.Features.Setup;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice;
using WithUs.Web.Infrastructure.Authorisation;
using WithUs.Web.Infrastructure.Email;
using WithUs.Web.Infrastructure.Jobs;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Infrastructure;

public static class WithUsServices
{
    /// <summary>
    /// Cookies are __Host- prefixed and Secure everywhere but in Development, where the run command serves plain
    /// http://127.0.0.1:5000 and ASP.NET refuses Secure-only antiforgery cookies on a plain HTTP request.
    /// </summary>
    public static string CookiePrefix(bool development) => development ? "withus" : "__Host-withus";

    public static WebApplicationBuilder AddWithUs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<TenantContext>();
        services.AddScoped<Tenancy.OrganisationClock>();
        services.AddScoped<ICurrentActor, HttpCurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddWithUsDatabase(configuration);
        AddSealing(services, configuration);
        services.AddSetup();
        services.AddDemo();
        services.AddVoice();
        services.AddPeople();
        services.AddThemes();
        services.AddMembers();
        services.AddPublic();
        services.AddProjects();

        EmailOptions.CheckPublicBaseUrl(configuration, builder.Environment);
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddScoped<EmailOutbox>();
        // A singleton so that tests and tools can dispatch by hand alongside the job.
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton(new DevelopmentEmailConsole(Console.Out));
        var development = builder.Environment.IsDevelopment();
        services.AddJob<OutboxDispatcher>(OutboxDispatcher.JobName,
            (schedule, settings) => OutboxDispatcher.Schedule(schedule, settings, development));
        services.AddAccount();

        AddCookiesAndDataProtection(services, builder.Environment.IsDevelopment());

        services.AddAuthorization(Policies.Add);
        services.AddSingleton<PageAccess>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, OrganisationRoleHandler>();

        services.AddWithUsRateLimits(configuration);
        services.AddHealthChecks().AddDbContextCheck<WithUsDbContext>("database", tags: ["ready"]);

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.Add(new OrganisationPageConvention());
            // Razor Pages validates antiforgery on every POST by itself. An extra convention filter here would be added
            // after a page's own [IgnoreAntiforgeryToken] and override it, so the error page could not answer the
            // re-executed POST of a failed form and people saw an empty 400.
        }).AddMvcOptions(o =>
        {
            o.Filters.Add<HandlerRequiredFilter>();
            o.Filters.Add<RouteResourceFilter>();

            // Plain words when a value cannot be read at all (a tampered radio button, letters in a number field).
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((_, _) => "Check this answer: it is not one of the choices");
            messages.SetValueIsInvalidAccessor(_ => "Check this answer: it is not one of the choices");
            messages.SetValueMustNotBeNullAccessor(_ => "Enter an answer");
            messages.SetMissingBindRequiredValueAccessor(_ => "Enter an answer");
            messages.SetValueMustBeANumberAccessor(_ => "Enter a number");
        });

        return builder;
    }

    /// <summary>
    /// The keys for special-category data, read once, when first needed, from the settings or the key file (by default
    /// beside the SQLite database, in the data folder; docs/configuration.md says how to keep it elsewhere).
    /// </summary>
    private static void AddSealing(IServiceCollection services, ConfigurationManager configuration)
    {
        var options = configuration.GetSection(SealingOptions.Section).Get<SealingOptions>() ?? new SealingOptions();
        services.AddSingleton(sp => SealingKeys.Load(options, sp.GetRequiredService<Data.DatabaseOptions>().DataFolder));
        services.AddSingleton<Sealer>();
    }

    private static void AddCookiesAndDataProtection(IServiceCollection services, bool development)
    {
        var prefix = CookiePrefix(development);
        void Secure(CookieBuilder cookie) => SecureCookie(cookie, development);
        services.AddDataProtection().SetApplicationName("WithUs").PersistKeysToDbContext<WithUsDbContext>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            Secure(o.Cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = prefix + "-2fa";
            Secure(o.Cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
        {
            o.Cookie.Name = prefix + "-2fa-remember";
            Secure(o.Cookie);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Name = prefix + "-external";
            Secure(o.Cookie);
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = prefix + "-af";
            o.FormFieldName = "__af";
            Secure(o.Cookie);
        });
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = prefix + "-msg";
            Secure(o.Cookie);
        });
    }

    // __Host- cookies must be Secure, for the whole site and with no domain.
    private static void SecureCookie(CookieBuilder cookie, bool development)
    {
        cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
        cookie.Domain = null;
    }
}
