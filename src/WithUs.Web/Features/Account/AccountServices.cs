using Microsoft.AspNetCore.Identity;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Account;

public static class AccountServices
{
    /// <summary>Accounts: Identity (sign-in, lockout, passwords, second step) and the password-reset mailer.</summary>
    public static IServiceCollection AddAccount(this IServiceCollection services)
    {
        services.AddSingleton<CommonPasswords>();
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;

                // The user name is the email address, and real addresses hold characters such as ' (o'brien@...)
                // that Identity's default user-name alphabet refuses. The email validation on each form is the check.
                o.User.AllowedUserNameCharacters = string.Empty;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = PasswordRules.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddSignInManager<WithUsSignInManager>()
            .AddClaimsPrincipalFactory<WithUsClaimsPrincipalFactory>()
            .AddPasswordValidator<WithUsPasswordValidator>()
            .AddEntityFrameworkStores<WithUsDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        services.AddScoped<WithUsPasswordValidator>();
        services.AddScoped<AccountCreation>();
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(3));

        // Disabling an account or changing a password changes its security stamp; other sessions notice within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();

        services.AddSingleton<PasswordResetMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<PasswordResetMailer>());
        return services;
    }
}
