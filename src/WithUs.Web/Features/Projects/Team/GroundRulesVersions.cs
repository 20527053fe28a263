namespace WithUs.Web.Features.Projects.Team;

/// <summary>A project's ground rules: the version that stands is the newest.</summary>
public static class GroundRulesVersions
{
    public static Task<GroundRules?> CurrentAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken) =>
        db.Set<GroundRules>().AsNoTracking().Where(g => g.ProjectId == projectId).OrderByDescending(g => g.Version)
            .FirstOrDefaultAsync(cancellationToken);
}
