namespace WithUs.Web.Features.People.Mine;

/// <summary>A person's request to have their record erased: one waiting at a time, due a calendar month later.</summary>
public static class RemovalRequests
{
    /// <summary>Adds their request unless one already waits; the caller saves (and a request added at the same moment
    /// by another click fails on the database's one-waiting-request index).</summary>
    public static async Task<DataRequest> AskAsync(WithUsDbContext db, Person person, OrganisationClock clock, CancellationToken cancellationToken)
    {
        if (await WaitingAsync(db, person.Id, cancellationToken) is { } waiting)
        {
            return waiting;
        }

        var request = new DataRequest
        {
            Id = Ids.New(),
            PersonId = person.Id,
            Kind = DataRequestKind.Erasure,
            RequestedAtUtc = clock.UtcNow,
            DueOn = OrganisationClock.Stored(clock.Today.AddMonths(1)),
        };
        db.DataRequests.Add(request);
        return request;
    }

    public static Task<DataRequest?> WaitingAsync(WithUsDbContext db, Guid personId, CancellationToken cancellationToken) =>
        db.DataRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PersonId == personId && r.Kind == DataRequestKind.Erasure && r.DoneAtUtc == null, cancellationToken);
}
