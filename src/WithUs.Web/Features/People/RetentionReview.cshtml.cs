using WithUs.Web.Infrastructure.Authorisation;

namespace WithUs.Web.Features.People;

/// <summary>
/// An administrator confirms, in one step, the erasure of the people the retention job found we have not heard from
/// for longer than the organisation keeps people. Each is checked again as it is erased: anyone heard from since is kept.
/// </summary>
[MinimumRole(OrganisationRole.Administrator)]
public sealed class RetentionReviewModel(WithUsDbContext db, PersonErasure erasure, AuditLog audit, TimeProvider clock) : OrganisationPageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<Row> People { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty]
    public List<Guid> Erase { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var marked = db.People.AsNoTracking().Where(p => p.PastRetentionSince != null);
        Total = await marked.CountAsync(cancellationToken);
        var rows = await marked.OrderBy(p => p.PastRetentionSince).ThenBy(p => p.Name).Take(PageSize)
            .Select(p => new { p.Id, p.Name, p.PastRetentionSince }).ToListAsync(cancellationToken);
        var activity = await PersonActivity.ForAsync(db, rows.ConvertAll(r => r.Id), cancellationToken);
        People = rows.ConvertAll(r => new Row(r.Id, r.Name, activity[r.Id].At, r.PastRetentionSince!.Value));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Erase.Count == 0)
        {
            ModelState.AddModelError(nameof(Erase), "Tick the people to erase");
            await OnGetAsync(cancellationToken);
            return Invalid();
        }

        var ids = Erase.Distinct().Take(PageSize).ToList();
        var activity = await PersonActivity.ForAsync(db, ids, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var (erased, kept) = (0, 0);
        foreach (var id in ids)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == id && p.PastRetentionSince != null, cancellationToken);
            if (person is null || !activity.TryGetValue(id, out var last) || !PersonActivity.IsPast(last, Organisation, now))
            {
                kept++;
                continue;
            }

            var done = await erasure.EraseAsync(person, cancellationToken);
            await audit.RecordAboutAsync("PersonErased", nameof(Person), id,
                $"Past the {Organisation.RetentionYears} years the organisation keeps people; {done.Contributions} {(done.Contributions == 1 ? "contribution" : "contributions")} kept with no name; {done.Removed} rows about them removed",
                cancellationToken);
            db.ChangeTracker.Clear();
            erased++;
        }

        Notice = kept == 0
            ? $"{erased} {(erased == 1 ? "record" : "records")} erased. What they said is kept, with no name."
            : $"{erased} {(erased == 1 ? "record" : "records")} erased. {kept} {(kept == 1 ? "person was" : "people were")} heard from since, or already gone, and {(kept == 1 ? "is" : "are")} not erased.";
        return RedirectToPage("/People/RetentionReview", new { org = Slug });
    }

    public sealed record Row(Guid Id, string Name, DateTime LastHeardFrom, DateTime MarkedOn);
}
