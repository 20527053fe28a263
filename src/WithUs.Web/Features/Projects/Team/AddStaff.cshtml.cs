using WithUs.Web.Features.Account;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>Add a member of staff (anyone with a staff or administrator account here) to a project's team.</summary>
public sealed class AddStaffModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    [BindProperty]
    public Guid? StaffUserId { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new() { Role = "Staff lead" };

    public IReadOnlyList<(Guid UserId, string Name)> Staff { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        StaffUserId = Staff.Any(s => s.UserId == CurrentUser.Id(User)) ? CurrentUser.Id(User) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        var role = Input.Check(ModelState);
        var chosen = Staff.FirstOrDefault(s => s.UserId == StaffUserId);
        if (StaffUserId is null || chosen.UserId != StaffUserId)
        {
            ModelState.AddModelError(nameof(StaffUserId), "Choose who to add");
        }

        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        await ProjectTeam.JoinAsync(db, new ProjectMember
        {
            Id = Ids.New(),
            ProjectId = Project.Id,
            UserId = chosen.UserId,
            Role = role!,
            Gives = Input.CleanGives,
            JoinedAtUtc = clock.UtcNow,
            AddedByUserId = CurrentUser.Id(User),
        }, audit, cancellationToken);
        Notice = $"{chosen.Name} is in the team, as {role}.";
        return RedirectToPage("/Projects/Team/Index", new { org = Slug, projectId = Project.Id });
    }

    /// <summary>Staff and administrators here who are not in the team now.</summary>
    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var inTeam = db.Set<ProjectMember>().Where(m => m.ProjectId == Project.Id && m.LeftAtUtc == null && m.UserId != null).Select(m => m.UserId);
        var staff = await db.Memberships.AsNoTracking()
            .Where(m => (m.Role == OrganisationRole.Staff || m.Role == OrganisationRole.Administrator) && !inTeam.Contains(m.UserId))
            .Select(m => new { m.UserId, m.User!.DisplayName })
            .ToListAsync(cancellationToken);
        Staff = staff.OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(s => (s.UserId, s.DisplayName)).ToList();
    }
}
