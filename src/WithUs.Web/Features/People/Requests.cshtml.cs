namespace WithUs.Web.Features.People;

/// <summary>
/// What people asked staff to do with their data, waiting first, soonest due first: each is due a calendar month after
/// it was asked. An administrator carries out an erasure from the person's record.
/// </summary>
public sealed class RequestsModel(WithUsDbContext db) : OrganisationPageModel
{
    public IReadOnlyList<Row> Waiting { get; private set; } = [];

    public IReadOnlyList<Row> Done { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from r in db.DataRequests.AsNoTracking()
                join p in db.People.AsNoTracking() on r.PersonId equals p.Id into people
                from p in people.DefaultIfEmpty()
                orderby r.DoneAtUtc != null, r.DueOn, r.RequestedAtUtc descending
                select new Row(r.Id, r.PersonId, p != null ? p.Name : null, r.Kind, r.RequestedAtUtc, r.DueOn, r.DoneAtUtc))
            .Take(200)
            .ToListAsync(cancellationToken);
        Waiting = rows.Where(r => r.DoneAtUtc is null).ToList();
        Done = rows.Where(r => r.DoneAtUtc is not null).Take(50).ToList();
    }

    public sealed record Row(Guid Id, Guid? PersonId, string? Name, DataRequestKind Kind, DateTime RequestedAtUtc, DateTime DueOn, DateTime? DoneAtUtc);
}
