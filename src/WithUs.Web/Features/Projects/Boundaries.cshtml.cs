namespace WithUs.Web.Features.Projects;

/// <summary>What a project said was open and fixed over time: each addition, change and removal, by whom and why.</summary>
public sealed class BoundariesModel(WithUsDbContext db) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    /// <summary>Newest first.</summary>
    public IReadOnlyList<BoundaryEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var versions = await db.Set<Boundary>().AsNoTracking().Where(b => b.ProjectId == Project.Id).ToListAsync(cancellationToken);
        var userIds = versions.Select(v => v.AddedByUserId).Concat(versions.Select(v => v.EndedByUserId))
            .OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Events = BoundaryEvent.From(versions, id => id is { } known ? names.GetValueOrDefault(known) : null);
    }
}

/// <summary>One thing that happened to a project's boundaries.</summary>
public sealed record BoundaryEvent(DateTime AtUtc, BoundaryEventKind Kind, Boundary Now, Boundary? Before, string? Why, string? By)
{
    /// <summary>The events the versions tell, newest first.</summary>
    public static IReadOnlyList<BoundaryEvent> From(IReadOnlyList<Boundary> versions, Func<Guid?, string?> nameOf)
    {
        var byId = versions.ToDictionary(v => v.Id);
        var events = new List<BoundaryEvent>();
        foreach (var v in versions)
        {
            events.Add(v.ReplacesId is { } before && byId.TryGetValue(before, out var old)
                ? new BoundaryEvent(v.AddedAtUtc, BoundaryEventKind.Changed, v, old, v.ChangeWhy, nameOf(v.AddedByUserId))
                : new BoundaryEvent(v.AddedAtUtc, BoundaryEventKind.Added, v, null, v.ChangeWhy, nameOf(v.AddedByUserId)));
            if (v is { EndedAtUtc: { } ended, EndedWhy: { } why })
            {
                events.Add(new BoundaryEvent(ended, BoundaryEventKind.Removed, v, null, why, nameOf(v.EndedByUserId)));
            }
        }

        return events.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Kind).ToList();
    }
}

public enum BoundaryEventKind
{
    Added = 0,
    Changed = 1,
    Removed = 2,
}
