using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;
using WithUs.Web.Features.Projects.Actions;
using WithUs.Web.Features.Themes;
using WithUs.Web.Features.Voice.Outcomes;
using WithUs.Web.Features.Voice.SameIdea;
using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Organisations;

[MinimumRole(OrganisationRole.Partner)]
public sealed class IndexModel(WithUsDbContext db, TenantContext tenant, OrganisationClock clock, BuildUpCounts buildUp)
    : OrganisationPageModel
{
    public string OrganisationName => tenant.Organisation!.Name;

    public bool IsStaff => tenant.IsAtLeast(OrganisationRole.Staff);

    public bool PublicPagesOpen => tenant.Organisation!.PublicPagesOpen;

    public int BuildUpThreshold => tenant.Organisation!.BuildUpThreshold;

    public int BuildUpWindowDays => tenant.Organisation!.BuildUpWindowDays;

    public int MemberCount { get; private set; }

    /// <summary>Training and checks the roles people hold now need and are not done, have run out, or soon will.</summary>
    public int TrainingDue { get; private set; }

    /// <summary>Requests about people's data that wait for staff, and the soonest one is due.</summary>
    public (int Count, DateTime? FirstDue) DataRequestsWaiting { get; private set; }

    public DateOnly Today => clock.Today;

    /// <summary>For administrators: people past the time the organisation keeps people, waiting for their confirmation.</summary>
    public int PastRetention { get; private set; }

    public Voice.Counted OwedCount { get; private set; }

    public IReadOnlyList<BuildingUp> BuildingUp { get; private set; } = [];

    /// <summary>Pairs of ideas that look like the same one, for staff to link or dismiss.</summary>
    public IReadOnlyList<OpenOffer> SameIdeas { get; private set; } = [];

    /// <summary>For an idea building up with offers open: how many more voices may say the same thing.</summary>
    public IReadOnlyDictionary<Guid, int> MayAlsoSay { get; private set; } = new Dictionary<Guid, int>();

    /// <summary>Staff: the organisation's overdue actions, longest overdue first, and how many in all.</summary>
    public (IReadOnlyList<ActionRow> Rows, int Count) OverdueActions { get; private set; } = ([], 0);

    /// <summary>A partner: their own actions still to do, in the projects they are in.</summary>
    public IReadOnlyList<ActionRow> MyActions { get; private set; } = [];

    public Guid? UserId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        UserId = CurrentUser.Id(User);
        if (Role == OrganisationRole.Administrator)
        {
            MemberCount = await db.Memberships.CountAsync(cancellationToken);
        }

        // Partners see only their own simple home: nothing of what others said reaches them here.
        if (IsStaff)
        {
            OwedCount = await OwedReplies.CountAsync(db, tenant.Organisation!, clock, cancellationToken);
            BuildingUp = (await buildUp.GetAsync(db, tenant.Organisation!, clock, cancellationToken)).BuildingUp;
            MayAlsoSay = await OpenOffers.MoreVoicesAsync(db, BuildingUp.Where(b => !b.IsTheme).Select(b => b.Id).ToList(), cancellationToken);
            SameIdeas = await OpenOffers.ListAsync(db, OpenOffers.Shown, cancellationToken: cancellationToken);
            TrainingDue = (await TrainingNeeds.ForAsync(db, clock.Today, null, cancellationToken)).Count(n => n.IsDue);
            var waiting = await db.DataRequests.AsNoTracking().Where(r => r.DoneAtUtc == null)
                .GroupBy(r => 1).Select(g => new { Count = g.Count(), FirstDue = g.Min(r => r.DueOn) }).FirstOrDefaultAsync(cancellationToken);
            DataRequestsWaiting = (waiting?.Count ?? 0, waiting?.FirstDue);
            OverdueActions = await ActionList.OverdueAsync(db, clock.Today, ActionList.OverdueShown, cancellationToken);
            if (tenant.Role == OrganisationRole.Administrator)
            {
                PastRetention = await db.People.CountAsync(p => p.PastRetentionSince != null, cancellationToken);
            }
        }
        else if (UserId is { } partner)
        {
            MyActions = await ActionList.OpenForPartnerAsync(db, partner, cancellationToken);
        }
    }
}
