namespace WithUs.Web.Features.People;

public sealed class IndexModel(WithUsDbContext db) : OrganisationPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // From the query string only: "page" is also a route value in Razor Pages (the page's own path), which would win.
    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only the people who hold this role now.</summary>
    [BindProperty(SupportsGet = true, Name = "role")]
    public Guid? RoleId { get; set; }

    public IReadOnlyList<InvolvementRole> Roles { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<Row> People { get; private set; } = [];

    public bool HasMore => PageNumber * PageSize < Total;

    public string PageLink(int page) =>
        PagedLink(Url.Page("/People/Index", new { org = Slug, q = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(), role = RoleId })!, page);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 100_000);
        var people = db.People.AsNoTracking();
        var search = Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > Person.NameMaxLength ? search[..Person.NameMaxLength] : search;
            var lower = search.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases; string.Equals with a comparison it does not.
            people = people.Where(p => p.Name.ToLower().Contains(lower));
#pragma warning restore CA1862
        }

        Roles = await RoleList.LoadAsync(db, cancellationToken);
        if (RoleId is { } roleId)
        {
            people = people.Where(p => db.PersonRoles.Any(r => r.PersonId == p.Id && r.RoleId == roleId && r.EndedOn == null));
        }

        Total = await people.CountAsync(cancellationToken);
        People = await people
            .OrderBy(p => p.Name)
            .ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new Row(p.Id, p.Name, p.MayContact, p.ContactBy,
                db.Contributions.Count(c => c.PersonId == p.Id), p.CreatedAtUtc))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string Name, bool MayContact, ContactMethod? ContactBy, int Contributions, DateTime CreatedAtUtc);
}
