namespace WithUs.Web.Features.Projects;

/// <summary>The organisation's projects, newest first, each with the phase it is in.</summary>
public sealed class IndexModel(WithUsDbContext db) : OrganisationPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public PhaseNaming Names { get; private set; } = new(new Dictionary<CoPhase, string>());

    public IReadOnlyList<Row> Projects { get; private set; } = [];

    public bool HasMore => PageNumber * PageSize < Total;

    public string PageLink(int page) => PagedLink(Url.Page("/Projects/Index", new { org = Slug })!, page);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        Names = await PhaseNaming.ForAsync(db, cancellationToken);
        var projects = db.Set<Project>().AsNoTracking();
        Total = await projects.CountAsync(cancellationToken);
        var rows = await projects
            .OrderByDescending(p => p.CreatedAtUtc).ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.CreatedAtUtc,
                p.DeliveredAtUtc,
                p.IsPublished,
                Ideas = db.Contributions.Count(c => c.ProjectId == p.Id && c.LinkedToId == null),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var phases = (await db.Set<ProjectPhase>().AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToListAsync(cancellationToken))
            .ToLookup(p => p.ProjectId);
        Projects = rows.Select(r =>
        {
            var its = phases[r.Id].ToList();
            var current = ProjectPhase.Current(its);
            return new Row(r.Id, r.Title, r.CreatedAtUtc, r.DeliveredAtUtc, r.IsPublished, r.Ideas, current,
                its.FirstOrDefault(p => p.Phase == current)?.Status ?? PhaseStatus.NotStarted);
        }).ToList();
    }

    public sealed record Row(Guid Id, string Title, DateTime StartedAtUtc, DateTime? DeliveredAtUtc, bool IsPublished, int Ideas,
        CoPhase Phase, PhaseStatus PhaseStatus);
}
