using Microsoft.AspNetCore.Identity;
using WithUs.Web.Features.Account;
using WithUs.Web.Infrastructure.Security;

namespace WithUs.Web.Features.Demo;

/// <summary>Only in demo mode: sign in as one of the invented people, without a password.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class IndexModel(
    DatabaseOptions databaseOptions,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn) : WithUsPageModel
{
    public IReadOnlyList<DemoOrganisationView> Organisations { get; } = DemoSeeder.Organisations
        .Select(o => new DemoOrganisationView(o.Name, o.Description,
            o.People.Select(p => new DemoPersonView(p.Name, DemoPerson.EmailFor(p.Handle), p.Role)).ToList()))
        .ToList();

    public IActionResult OnGet() => databaseOptions.Demo ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string? email)
    {
        if (!databaseOptions.Demo)
        {
            return NotFound();
        }

        var user = string.IsNullOrEmpty(email) ? null : await users.FindByEmailAsync(email);
        if (user is null || !user.IsDemo)
        {
            return NotFound();
        }

        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/");
    }

    public sealed record DemoOrganisationView(string Name, string Description, IReadOnlyList<DemoPersonView> People);

    public sealed record DemoPersonView(string Name, string Email, OrganisationRole Role);
}
