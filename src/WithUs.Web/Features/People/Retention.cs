using WithUs.Web.Infrastructure.Jobs;

namespace WithUs.Web.Features.People;

/// <summary>
/// When we last had anything to do with each person: the newest of their record being made, anything they said, an
/// interest, a time we reached back to them, an answer about consent, a role starting or ending, training, recognition
/// or equality answers. Someone who holds a role now is active, however long ago it started.
/// </summary>
public static class PersonActivity
{
    public sealed record Last(DateTime At, bool HoldsRoleNow);

    /// <summary>Everyone in the organisation, or only these people.</summary>
    public static async Task<Dictionary<Guid, Last>> ForAsync(WithUsDbContext db, IReadOnlyCollection<Guid>? only, CancellationToken cancellationToken)
    {
        var ids = only?.ToList();
        var people = await db.People.AsNoTracking().Where(p => ids == null || ids.Contains(p.Id))
            .Select(p => new { p.Id, p.CreatedAtUtc }).ToListAsync(cancellationToken);
        var last = people.ToDictionary(p => p.Id, p => p.CreatedAtUtc);

        void Newer(IEnumerable<(Guid Id, DateTime At)> rows)
        {
            foreach (var (id, at) in rows)
            {
                if (last.TryGetValue(id, out var known) && at > known)
                {
                    last[id] = at;
                }
            }
        }

        Newer((await db.Contributions.AsNoTracking().Where(c => c.PersonId != null && (ids == null || ids.Contains(c.PersonId.Value)))
            .GroupBy(c => c.PersonId!.Value).Select(g => new { g.Key, At = g.Max(c => c.CreatedAtUtc) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.Interests.AsNoTracking().Where(i => ids == null || ids.Contains(i.PersonId))
            .GroupBy(i => i.PersonId).Select(g => new { g.Key, At = g.Max(i => i.CreatedAtUtc) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.ReachBacks.AsNoTracking().Where(r => ids == null || ids.Contains(r.PersonId))
            .GroupBy(r => r.PersonId).Select(g => new { g.Key, At = g.Max(r => r.AtUtc) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.Consents.AsNoTracking().Where(c => ids == null || ids.Contains(c.PersonId))
            .GroupBy(c => c.PersonId).Select(g => new { g.Key, At = g.Max(c => c.AtUtc) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.TrainingRecords.AsNoTracking().Where(t => ids == null || ids.Contains(t.PersonId))
            .GroupBy(t => t.PersonId).Select(g => new { g.Key, At = g.Max(t => t.DoneOn) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.Recognitions.AsNoTracking().Where(r => ids == null || ids.Contains(r.PersonId))
            .GroupBy(r => r.PersonId).Select(g => new { g.Key, At = g.Max(r => r.GivenOn) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        Newer((await db.SealedDetails.AsNoTracking().Where(s => ids == null || ids.Contains(s.PersonId))
            .GroupBy(s => s.PersonId).Select(g => new { g.Key, At = g.Max(s => s.AtUtc) }).ToListAsync(cancellationToken))
            .Select(r => (r.Key, r.At)));
        var roles = await db.PersonRoles.AsNoTracking().Where(r => ids == null || ids.Contains(r.PersonId))
            .GroupBy(r => r.PersonId)
            .Select(g => new { g.Key, Started = g.Max(r => r.StartedOn), Ended = g.Max(r => r.EndedOn), Now = g.Any(r => r.EndedOn == null) })
            .ToListAsync(cancellationToken);
        Newer(roles.Select(r => (r.Key, r.Ended is { } ended && ended > r.Started ? ended : r.Started)));
        var holding = roles.Where(r => r.Now).Select(r => r.Key).ToHashSet();

        return last.ToDictionary(p => p.Key, p => new Last(p.Value, holding.Contains(p.Key)));
    }

    /// <summary>Whether someone last heard from then is past the organisation's time for keeping people, today.</summary>
    public static bool IsPast(Last last, Organisation organisation, DateTime nowUtc) =>
        !last.HoldsRoleNow && last.At < nowUtc.AddYears(-organisation.RetentionYears);
}

/// <summary>
/// Once a day, in each organisation, marks the people we have not heard from for longer than it keeps people (3 years
/// unless it says otherwise) so an administrator can confirm their erasure in one step, and unmarks anyone heard from
/// since. It erases nobody itself. Runs when a node starts and then every <c>Maintenance:RetentionEveryHours</c>
/// (24; 0 turns it off).
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, WithUsDbContext db, TimeProvider clock, IConfiguration configuration,
    ILogger<RetentionJob> logger) : IJob, IJobProgress
{
    public const string JobName = "retention";

    public static void Schedule(JobSchedule schedule, IConfiguration configuration) => schedule.AtStartAndEvery(configuration, Setting);

    private const string Setting = "Maintenance:RetentionEveryHours";

    private static int Hours(IConfiguration configuration) => JobSchedule.Hours(configuration, Setting);

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        foreach (var organisationId in await EachOrganisation.IdsAsync(db, cancellationToken))
        {
            using var scope = await EachOrganisation.ScopeAsync(scopes, organisationId, cancellationToken);
            var organisation = scope.ServiceProvider.GetRequiredService<TenantContext>().Organisation!;
            var marked = await MarkAsync(scope.ServiceProvider.GetRequiredService<WithUsDbContext>(), organisation,
                OrganisationClock.For(organisation, clock), cancellationToken);
            if (marked > 0)
            {
                logger.LogInformation("Organisation {OrganisationId}: {Count} people newly past the time it keeps people", organisationId, marked);
            }

            if (!await context.RenewLeaseAsync(cancellationToken))
            {
                return;
            }
        }
    }

    public Task<string> DescribeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Hours(configuration) > 0
            ? $"Lists, in each organisation, the people not heard from for longer than it keeps people, for an administrator to confirm their erasure: when this node starts and every {Hours(configuration)} hours. It erases nobody itself."
            : "Turned off (Maintenance:RetentionEveryHours is 0): nobody is listed as past the time their organisation keeps people.");

    /// <summary>One organisation: marks who is newly past, unmarks who is no longer; answers how many were newly marked.</summary>
    public static async Task<int> MarkAsync(WithUsDbContext db, Organisation organisation, OrganisationClock clock, CancellationToken cancellationToken)
    {
        var nowUtc = clock.UtcNow;
        var activity = await PersonActivity.ForAsync(db, null, cancellationToken);
        var marked = await db.People.Where(p => p.PastRetentionSince != null).Select(p => p.Id).ToListAsync(cancellationToken);
        var past = activity.Where(a => PersonActivity.IsPast(a.Value, organisation, nowUtc)).Select(a => a.Key).ToHashSet();
        var mark = past.Except(marked).ToList();
        var unmark = marked.Where(id => !past.Contains(id)).ToList();
        var today = clock.StoredToday;
        foreach (var chunk in mark.Chunk(500))
        {
            await db.People.Where(p => chunk.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PastRetentionSince, today), cancellationToken);
        }

        foreach (var chunk in unmark.Chunk(500))
        {
            await db.People.Where(p => chunk.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.PastRetentionSince, (DateTime?)null), cancellationToken);
        }

        return mark.Count;
    }
}
