namespace WithUs.Web.Features.Projects.Decisions;

/// <summary>A project's decision log, newest first, and its participation profile across all its decisions.</summary>
public sealed class IndexModel(WithUsDbContext db) : OrganisationPageModel
{
    public const int PageSize = 50;

    public Project Project => RouteResource<Project>();

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ParticipationProfile Profile { get; private set; } = new("", Guid.Empty, new Dictionary<ParticipationLevel, int>());

    public IReadOnlyList<Row> Decisions { get; private set; } = [];

    public bool HasMore => PageNumber * PageSize < Profile.Total;

    public string PageLink(int page) => PagedLink(Url.Page("/Projects/Decisions/Index", new { org = Slug, projectId = Project.Id })!, page);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Profile = await ParticipationProfile.ForProjectAsync(db, Slug, Project.Id, cancellationToken);
        Decisions = await db.Set<Decision>().AsNoTracking().Where(d => d.ProjectId == Project.Id)
            .OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(d => new Row(d.Id, d.DecidedOn, d.What, d.How, d.Level))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, DateTime DecidedOn, string What, DecisionWay How, ParticipationLevel Level);
}
