using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>
/// When two records of one person merge, their places in project teams move to the record kept. Where both were in
/// the same team, the kept record's place stands and the other becomes a past one of the same person, so what it
/// took part in stays theirs.
/// </summary>
public sealed class TeamMerge : IPersonRowsMerge
{
    public async Task<int> StageAsync(WithUsDbContext db, Guid mergedId, Guid keptId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ProjectMember>().Where(m => m.PersonId == mergedId || m.PersonId == keptId).ToListAsync(cancellationToken);
        var moving = rows.Where(m => m.PersonId == mergedId).ToList();
        foreach (var member in moving)
        {
            if (member.LeftAtUtc is null && rows.Any(m => m.PersonId == keptId && m.ProjectId == member.ProjectId && m.LeftAtUtc is null))
            {
                member.LeftAtUtc = now;
            }

            member.PersonId = keptId;
        }

        return moving.Count;
    }
}
