using WithUs.Web.Features.Projects.Actions;

namespace WithUs.Web.Features.Demo;

/// <summary>
/// Who will do what by when in each demo project, drawn from its case study: some done, some to come, and in every
/// organisation one overdue, so the staff home page shows it. At Harbour Lane the overdue one is Kasia Nowak's, so she
/// sees it on her own page when she signs in.
/// </summary>
public static class DemoActions
{
    /// <summary>One action: who ("s" the staff lead, "p0".."p2" the partners by name), what, and when it is due (days from today); done some days ago, or not.</summary>
    public sealed record Planned(string Who, string What, int DueInDays, int? DoneDaysAgo = null);

    /// <summary>In the order of <see cref="DemoSeeder.Organisations"/>.</summary>
    public static readonly IReadOnlyList<Planned[]> ForOrganisations =
    [
        [
            new("p2", "Put the take-home checklist into Polish", -3),
            new("s", "Book the computer room for Tuesdays until March", 4),
            new("p1", "Ask three people who came whether the session helped", 10),
            new("p0", "Write down the five steps of the form that trip people up", -40, DoneDaysAgo: 45),
        ],
        [
            new("p0", "Go with the coordinator to speak to the church warden", 2),
            new("s", "Find the price of two portable heaters", -1),
            new("p1", "Ask the Tuesday members which mornings matter most", -10, DoneDaysAgo: 12),
        ],
        [
            new("p0", "Ask the women who came in the first season what to change", 14),
            new("s", "Book the hall for the second season", -6),
            new("p1", "Find a second woman coach for netball", -90, DoneDaysAgo: 100),
        ],
        [
            new("p1", "Draft the card for clinic staff with the group", 7),
            new("s", "Ask the clinic's manager to meet the group", -2),
            new("p0", "Share what buddies have heard at the clinic, without names", -15, DoneDaysAgo: 16),
        ],
        [
            new("p0", "Share the repairs log from the last six months with the panel", -60, DoneDaysAgo: 58),
            new("s", "Send the panel's changes to the board before it sets the budget", 20),
            new("p2", "Check that the one-page summary reads well for tenants", -4),
        ],
    ];

    public static async Task SeedAsync(WithUsDbContext db, int organisation, Guid recordedBy, DateTime now, DateTime today,
        CancellationToken cancellationToken)
    {
        var (project, who) = await DemoDecisions.TeamAsync(db, organisation, recordedBy, cancellationToken);
        db.AddRange(ForOrganisations[organisation].Select(plan => new ProjectAction
        {
            Id = Ids.New(),
            ProjectId = project.Id,
            What = plan.What,
            MemberId = who[plan.Who],
            DueOn = today.AddDays(plan.DueInDays),
            DoneAtUtc = plan.DoneDaysAgo is { } daysAgo ? now.AddDays(-daysAgo) : null,
            DoneByUserId = plan.DoneDaysAgo is null ? null : recordedBy,
            CreatedByUserId = recordedBy,
            CreatedAtUtc = now.AddDays(-Math.Max(20, (plan.DoneDaysAgo ?? 0) + 10)),
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
