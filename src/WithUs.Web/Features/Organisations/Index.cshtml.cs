using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Outcomes;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Organisations;

[MinimumRole(OrganisationRole.Partner)]
public sealed class IndexModel(WithUsDbContext db, TenantContext tenant, OrganisationClock clock) : OrganisationPageModel
{
    public string OrganisationName => tenant.Organisation!.Name;

    public bool IsStaff => tenant.IsAtLeast(OrganisationRole.Staff);

    public bool PublicPagesOpen => tenant.Organisation!.PublicPagesOpen;

    public int BuildUpThreshold => tenant.Organisation!.BuildUpThreshold;

    public int BuildUpWindowDays => tenant.Organisation!.BuildUpWindowDays;

    public int MemberCount { get; private set; }

    public int OwedCount { get; private set; }

    public IReadOnlyList<BuildingUp> BuildingUp { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Role == OrganisationRole.Administrator)
        {
            MemberCount = await db.Memberships.CountAsync(cancellationToken);
        }

        // Partners see only their own simple home: nothing of what others said reaches them here.
        if (IsStaff)
        {
            OwedCount = await OwedReplies.CountAsync(db, tenant.Organisation!, clock, cancellationToken);
            BuildingUp = await BuildUp.FindAsync(db, tenant.Organisation!, clock, cancellationToken);
        }
    }
}
