using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>One member of a project's team as its pages show them: their name, which side they are on, their role, and what they need to take part.</summary>
public sealed record TeamMember(Guid Id, string Name, bool IsPartner, Guid? PersonId, Guid? UserId, string Role, string? Gives,
    string AccessNeeds, DateTime JoinedAtUtc, DateTime? LeftAtUtc)
{
    public bool IsCurrent => LeftAtUtc is null;
}

/// <summary>A project's team, read in a fixed number of queries however large it is.</summary>
public static class ProjectTeam
{
    /// <summary>Everyone who is or was in the team: staff first, then partners, each by name; those who left last.</summary>
    public static async Task<List<TeamMember>> ListAsync(WithUsDbContext db, Guid projectId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == projectId)
            .Select(m => new
            {
                m.Id,
                m.PersonId,
                m.UserId,
                m.Role,
                m.Gives,
                m.JoinedAtUtc,
                m.LeftAtUtc,
                PersonName = m.Person != null ? m.Person.Name : null,
                Needs = m.Person != null ? m.Person.AccessNeeds : AccessNeed.None,
                Interpreter = m.Person != null ? m.Person.InterpreterLanguage : null,
                Other = m.Person != null ? m.Person.OtherAccessNeed : null,
                StaffName = db.Users.Where(u => u.Id == m.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new TeamMember(r.Id, r.PersonName ?? r.StaffName ?? "Someone who has left", r.PersonId is not null, r.PersonId, r.UserId,
                r.Role, r.Gives, r.PersonId is null ? "" : AccessNeedWords.Summary(r.Needs, r.Interpreter, r.Other), r.JoinedAtUtc, r.LeftAtUtc))
            .OrderBy(m => m.LeftAtUtc is not null).ThenBy(m => m.IsPartner).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// Puts someone in the team and saves; adding someone already in it (a second click, or two people at once) is
    /// one place in the team, kept by the unique index.
    /// </summary>
    public static async Task JoinAsync(WithUsDbContext db, ProjectMember member, AuditLog audit, CancellationToken cancellationToken)
    {
        db.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return;
        }

        await audit.RecordAsync("ProjectMemberAdded", details: $"{(member.IsPartner ? "A partner" : "A member of staff")}, as {member.Role}",
            cancellationToken: cancellationToken);
    }
}
