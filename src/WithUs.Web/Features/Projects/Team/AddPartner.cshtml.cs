using WithUs.Web.Features.Account;
using WithUs.Web.Features.People;

namespace WithUs.Web.Features.Projects.Team;

/// <summary>
/// Add a partner to a project's team. Before any search it offers the people closest to it: those who said they would
/// take part in what led to it, and those who said it; a search finds anyone by name.
/// </summary>
public sealed class AddPartnerModel(WithUsDbContext db, OrganisationClock clock, AuditLog audit) : OrganisationPageModel
{
    public const int Shown = 20;

    public Project Project => RouteResource<Project>();

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public Guid? PersonId { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new() { Role = ProjectMember.SuggestedRoles[0] };

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = Input.Check(ModelState);
        var person = PersonId is { } id ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (person is null)
        {
            ModelState.AddModelError(nameof(PersonId), "Choose who to add");
        }
        else if (await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == Project.Id && m.PersonId == person.Id && m.LeftAtUtc == null, cancellationToken))
        {
            // Already in the team (a second click, or someone else added them): nothing more to do.
            Notice = $"{person.Name} is in the team.";
            return RedirectToPage("/Projects/Team/Index", new { org = Slug, projectId = Project.Id });
        }

        if (!ModelState.IsValid)
        {
            await FindAsync(cancellationToken);
            return Invalid();
        }

        await ProjectTeam.JoinAsync(db, new ProjectMember
        {
            Id = Ids.New(),
            ProjectId = Project.Id,
            PersonId = person!.Id,
            Role = role!,
            Gives = Input.CleanGives,
            JoinedAtUtc = clock.UtcNow,
            AddedByUserId = CurrentUser.Id(User),
        }, audit, cancellationToken);
        Notice = $"{person.Name} is in the team, as {role}.";
        return RedirectToPage("/Projects/Team/Index", new { org = Slug, projectId = Project.Id });
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var inTeam = db.Set<ProjectMember>().Where(m => m.ProjectId == Project.Id && m.LeftAtUtc == null && m.PersonId != null).Select(m => m.PersonId);
        var people = db.People.AsNoTracking().Where(p => !inTeam.Contains(p.Id));
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var words = Search.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() to SQL on both databases.
            people = people.Where(p => p.Name.ToLower().Contains(words));
#pragma warning restore CA1862
        }
        else
        {
            // Closest to the project: who said what led to it (or "me too"), and who would take part in it or its theme.
            var ideas = db.Contributions.Where(c => c.ProjectId == Project.Id).Select(c => c.Id);
            var said = db.Contributions.Where(c => c.PersonId != null && (ideas.Contains(c.Id) || (c.LinkedToId != null && ideas.Contains(c.LinkedToId.Value))))
                .Select(c => c.PersonId);
            var wouldTakePart = db.Interests.Where(i => i.Kind == InterestKind.WouldTakePart
                    && ((i.ContributionId != null && ideas.Contains(i.ContributionId.Value)) || (Project.ThemeId != null && i.ThemeId == Project.ThemeId)))
                .Select(i => (Guid?)i.PersonId);
            people = people.Where(p => said.Contains(p.Id) || wouldTakePart.Contains(p.Id));
        }

        var found = await people.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(Shown)
            .Select(p => new { p.Id, p.Name, p.AccessNeeds, p.InterpreterLanguage, p.OtherAccessNeed })
            .ToListAsync(cancellationToken);
        Candidates = found.Select(p => new Candidate(p.Id, p.Name, AccessNeedWords.Summary(p.AccessNeeds, p.InterpreterLanguage, p.OtherAccessNeed))).ToList();
    }

    public sealed record Candidate(Guid Id, string Name, string AccessNeeds);
}
