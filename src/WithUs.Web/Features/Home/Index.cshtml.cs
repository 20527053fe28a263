using System.Security.Claims;
using WithUs.Web.Features.Setup;

namespace WithUs.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(WithUsDbContext db, DatabaseOptions databaseOptions) : WithUsPageModel
{
    public bool SignedIn { get; private set; }

    public bool IsDemo => databaseOptions.Demo;

    public IReadOnlyList<Membership> Memberships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await SetupToken.IsSetUpAsync(db, cancellationToken))
        {
            return Redirect("/setup");
        }

        SignedIn = User.Identity?.IsAuthenticated == true;
        if (SignedIn && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            Memberships = await db.MembershipsOfUserAsync(userId, cancellationToken);

            // Someone in one organisation (most people) goes straight there: a list of one is a step for nothing.
            if (Memberships is [{ Organisation: { } only }])
            {
                return RedirectToPage("/Organisations/Index", new { org = only.Slug });
            }
        }

        return Page();
    }
}
