namespace WithUs.Web.Features.Projects.Team;

/// <summary>Change a team member's role and what they give, or record that they left the project.</summary>
public sealed class MemberModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public Project Project => RouteResource<Project>();

    public ProjectMember Member => RouteResource<ProjectMember>();

    public string Name { get; private set; } = "";

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = MemberInput.From(Member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        var role = Input.Check(ModelState);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        Member.Role = role!;
        Member.Gives = Input.CleanGives;
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"Saved: {Name}, {role}.";
        return RedirectToPage("/Projects/Team/Index", new { org = Slug, projectId = Project.Id });
    }

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken)
    {
        if (!await FindAsync(cancellationToken))
        {
            return NotFound();
        }

        Member.LeftAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("ProjectMemberLeft", details: Member.IsPartner ? "A partner" : "A member of staff", cancellationToken: cancellationToken);
        Notice = $"{Name} has left the team. What they did in it is kept.";
        return RedirectToPage("/Projects/Team/Index", new { org = Slug, projectId = Project.Id });
    }

    /// <summary>A member of this project who has not left; another project's, or one who left, is not found here.</summary>
    private async Task<bool> FindAsync(CancellationToken cancellationToken)
    {
        if (Member.ProjectId != Project.Id || Member.LeftAtUtc is not null)
        {
            return false;
        }

        Name = Member.PersonId is { } personId
            ? await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Name).SingleAsync(cancellationToken)
            : await db.Users.AsNoTracking().Where(u => u.Id == Member.UserId).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return true;
    }
}
