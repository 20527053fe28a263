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

    /// <summary>Only people who need this to take part.</summary>
    [BindProperty(SupportsGet = true, Name = "need")]
    public AccessNeed? Need { get; set; }

    /// <summary>Only people interested in this theme, or in something said in it.</summary>
    [BindProperty(SupportsGet = true, Name = "theme")]
    public Guid? ThemeId { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Themes { get; private set; } = [];

    /// <summary>Only people we have not heard from on or after this day (a date as typed).</summary>
    [BindProperty(SupportsGet = true, Name = "since")]
    public string? QuietSince { get; set; }

    public string? QuietSinceError { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || RoleId is not null || Need is not null || ThemeId is not null
        || !string.IsNullOrWhiteSpace(QuietSince);

    public int Total { get; private set; }

    public IReadOnlyList<Row> People { get; private set; } = [];

    public bool HasMore => PageNumber * PageSize < Total;

    public string PageLink(int page) =>
        PagedLink(Url.Page("/People/Index", new
        {
            org = Slug,
            q = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
            role = RoleId,
            need = Need,
            theme = ThemeId,
            since = string.IsNullOrWhiteSpace(QuietSince) ? null : QuietSince.Trim(),
        })!, page);

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

        if (Need is { } need && AccessNeedWords.Each.Contains(need))
        {
            people = people.Where(p => (p.AccessNeeds & need) == need);
        }
        else
        {
            Need = null;
        }

        Themes = (await db.Themes.AsNoTracking().Where(t => !t.IsArchived).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken)).Select(t => (t.Id, t.Name)).ToList();
        if (ThemeId is { } themeId)
        {
            people = people.Where(p => db.Interests.Any(i => i.PersonId == p.Id
                && (i.ThemeId == themeId || db.ContributionThemes.Any(t => t.ContributionId == i.ContributionId && t.ThemeId == themeId))));
        }

        if (!string.IsNullOrWhiteSpace(QuietSince))
        {
            if (DateText.Parse(QuietSince) is { } day)
            {
                var since = OrganisationClock.Stored(day);
                people = people.Where(p => !db.Contributions.Any(c => c.PersonId == p.Id && c.SaidOnUtc >= since));
            }
            else
            {
                QuietSinceError = "Enter a real date, like 21/11/2026";
            }
        }

        Total = await people.CountAsync(cancellationToken);
        People = await people
            .OrderBy(p => p.Name)
            .ThenBy(p => p.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(p => new Row(p.Id, p.Name, p.MayContact, p.ContactBy,
                db.Contributions.Count(c => c.PersonId == p.Id), p.CreatedAtUtc,
                db.Contributions.Where(c => c.PersonId == p.Id).Max(c => (DateTime?)c.SaidOnUtc),
                AccessNeedWords.Summary(p.AccessNeeds, p.InterpreterLanguage, p.OtherAccessNeed)))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(Guid Id, string Name, bool MayContact, ContactMethod? ContactBy, int Contributions, DateTime CreatedAtUtc,
        DateTime? LastSaidOnUtc, string AccessNeeds);
}
