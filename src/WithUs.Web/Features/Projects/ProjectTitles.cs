using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Projects;

/// <summary>Voice's way to name the projects its ideas are part of, in the current organisation.</summary>
public sealed class ProjectTitles(WithUsDbContext db) : IProjectTitles
{
    public async Task<IReadOnlyDictionary<Guid, string>> ForAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken) =>
        projectIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Set<Project>().AsNoTracking().Where(p => projectIds.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
}
