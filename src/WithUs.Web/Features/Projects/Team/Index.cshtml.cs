namespace WithUs.Web.Features.Projects.Team;

/// <summary>A project's team: each member's role, what they give and, for the organiser, what each partner needs to take part.</summary>
public sealed class IndexModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    /// <summary>The members who agreed to the current ground rules (none while there are none).</summary>
    public IReadOnlySet<Guid> AgreedNow { get; private set; } = new HashSet<Guid>();

    public bool HasGroundRules { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Members = await ProjectTeam.ListAsync(db, Project.Id, cancellationToken);
        var current = await GroundRulesVersions.CurrentAsync(db, Project.Id, cancellationToken);
        HasGroundRules = current is not null;
        if (current is not null)
        {
            AgreedNow = (await db.Set<GroundRulesAgreed>().AsNoTracking().Where(a => a.GroundRulesId == current.Id)
                .Select(a => a.MemberId).ToListAsync(cancellationToken)).ToHashSet();
        }
    }
}
