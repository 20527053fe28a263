using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Organisations;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class AuditModel(WithUsDbContext db, TenantContext tenant, TimeProvider time) : OrganisationPageModel
{
    private const int PageSize = 100;

    public string OrganisationName => tenant.Organisation!.Name;

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    /// <summary>Only what is about this person's record: who looked at it, and what changed on it.</summary>
    [BindProperty(SupportsGet = true, Name = "person")]
    public Guid? PersonId { get; set; }

    public string? PersonName { get; private set; }

    /// <summary>Only times their record was looked at.</summary>
    [BindProperty(SupportsGet = true, Name = "views")]
    public bool ViewsOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public string? DatesError { get; private set; }

    /// <summary>The address of another page of these entries, with the same filters.</summary>
    public string PageLink(int page) => Url.Page("/Organisations/Audit", new
    {
        org = Slug,
        person = PersonId,
        views = ViewsOnly ? true : (bool?)null,
        from = Blank(From),
        to = Blank(To),
        page,
    })!;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <remarks>From the query string only: in Razor Pages the route value "page" is the page's own path.</remarks>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var organisationId = tenant.RequiredOrganisationId;

        // The audit log is not tenant-filtered (sign-ins belong to no organisation), so filter explicitly here.
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId);
        if (PersonId is { } personId)
        {
            // The person may have been erased since: their name then comes from nowhere, and the entries still show.
            PersonName = await db.People.Where(p => p.Id == personId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            var entityId = personId.ToString();
            entries = entries.Where(a => a.EntityType == nameof(People.Person) && a.EntityId == entityId);
        }

        if (ViewsOnly)
        {
            entries = entries.Where(a => a.Action == "Viewed");
        }

        var clock = OrganisationClock.For(tenant.Organisation!, time);
        var (from, to) = (Blank(From) is { } f ? DateText.Parse(f) : null, Blank(To) is { } t ? DateText.Parse(t) : null);
        if ((Blank(From) is not null && from is null) || (Blank(To) is not null && to is null))
        {
            DatesError = "Enter real dates, like 21/11/2026";
        }
        else if (from is { } first && to is { } last && last < first)
        {
            DatesError = "The second date must be on or after the first";
        }
        else
        {
            if (from is { } start)
            {
                var since = clock.StartOfDayUtc(start);
                entries = entries.Where(a => a.AtUtc >= since);
            }

            if (to is { } end)
            {
                var before = clock.StartOfDayUtc(end.AddDays(1));
                entries = entries.Where(a => a.AtUtc < before);
            }
        }

        var rows = await entries
            .OrderByDescending(a => a.AtUtc)
            .ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var shown = rows.Take(PageSize).ToList();
        var people = shown.Where(r => r.ActorUserId != null).Select(r => r.ActorUserId!.Value)
            .Concat(shown.SelectMany(r => AuditDescriptions.PeopleNamedIn(r.Details)))
            .Distinct()
            .ToList();
        var names = await db.Users.AsNoTracking()
            .Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        HasMore = rows.Count > PageSize;
        Entries = shown
            .Select(a =>
            {
                var (what, details) = AuditDescriptions.Describe(a.Action, a.EntityType, a.Details, names);
                var who = a.ActorUserId is { } id ? names.GetValueOrDefault(id, AuditDescriptions.UnknownPerson) : "WithUs";
                return new Row(a.AtUtc, who, what, details);
            })
            .ToList();
    }

    public sealed record Row(DateTime AtUtc, string Who, string What, string? Details);
}
