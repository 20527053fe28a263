using WithUs.Web.Features.Projects.Team;

namespace WithUs.Web.Features.Projects.Mine;

/// <summary>The projects the signed-in partner is in now: only through their own record here, never anyone else's.</summary>
public static class PartnerProjects
{
    /// <summary>Their places in project teams now (one per project), by the account signed in.</summary>
    public static IQueryable<ProjectMember> PlacesOf(WithUsDbContext db, Guid userId) =>
        db.Set<ProjectMember>().Where(m => m.LeftAtUtc == null && m.Person != null && m.Person.UserId == userId);
}
