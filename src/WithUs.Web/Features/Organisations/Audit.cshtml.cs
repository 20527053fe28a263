using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.Organisations;

[MinimumRole(OrganisationRole.Administrator)]
public sealed class AuditModel(WithUsDbContext db, TenantContext tenant) : OrganisationPageModel
{
    private const int PageSize = 100;

    public string OrganisationName => tenant.Organisation!.Name;

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public IReadOnlyList<Row> Entries { get; private set; } = [];

    /// <remarks>From the query string only: in Razor Pages the route value "page" is the page's own path.</remarks>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, 10_000);
        var organisationId = tenant.RequiredOrganisationId;

        // The audit log is not tenant-filtered (sign-ins belong to no organisation), so filter explicitly here.
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId)
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
