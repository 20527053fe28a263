using WithUs.Web.Features.Voice;
using WithUs.Web.Features.Voice.Similarity;

namespace WithUs.Web.Features.Projects;

/// <summary>
/// Add more of what people said to a project: found by their words (or, before any search, those most like the
/// project itself), each ticked one made part of it, and its people owed a reply.
/// </summary>
public sealed class SaidModel(WithUsDbContext db, OrganisationClock clock, SimilarContributions similar) : OrganisationPageModel
{
    public const int Shown = 10;

    public Project Project => RouteResource<Project>();

    [FromQuery(Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    [BindProperty]
    [StringLength(Contribution.ExplanationMaxLength, ErrorMessage = "What they will be told must be 2,000 characters or fewer")]
    [PlainText(ErrorMessage = "What they will be told can only have letters, numbers, spaces and punctuation")]
    public string? TellThem { get; set; }

    public IReadOnlyList<SimilarContribution> Found { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await FindAsync(cancellationToken);
        TellThem = ProjectStart.DefaultTellThem;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Selected = Selected.Distinct().ToList();
        if (Selected.Count == 0)
        {
            ModelState.AddModelError(nameof(Selected), "Tick at least one thing people said");
        }

        var ideas = Selected.Count == 0 ? [] : await db.Contributions.Where(c => Selected.Contains(c.Id)).ToListAsync(cancellationToken);
        if (ideas.Count != Selected.Count || ideas.Any(i => i.LinkedToId != null))
        {
            ModelState.AddModelError(nameof(Selected), "Choose from the things people said listed here");
        }
        else if (ideas.FirstOrDefault(i => i.ProjectId != null) is { } taken)
        {
            ModelState.AddModelError(nameof(Selected), taken.ProjectId == Project.Id
                ? "One of those is already part of this project. Untick it"
                : "One of those is already part of another project. Untick it");
        }

        if (string.IsNullOrWhiteSpace(TellThem))
        {
            ModelState.AddModelError(nameof(TellThem), "Write what the people who said these will be told");
        }

        if (!ModelState.IsValid)
        {
            await FindAsync(cancellationToken);
            return Invalid();
        }

        ProjectStart.AddIdeas(Project, ideas, PlainTextAttribute.Clean(TellThem), clock);
        await db.SaveChangesAsync(cancellationToken);
        Notice = ideas.Count == 1 ? "Added 1 thing people said." : $"Added {ideas.Count} things people said.";
        return RedirectToPage("/Projects/Project", null, new { org = Slug, projectId = Project.Id }, "said");
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(Search) ? $"{Project.Title} {Project.Purpose}" : Search;
        var found = await similar.FindAsync(text, take: Shown * 3, cancellationToken: cancellationToken);
        var ids = found.Select(f => f.Id).ToList();
        var free = await db.Contributions.AsNoTracking().Where(c => ids.Contains(c.Id) && c.ProjectId == null)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        Found = found.Where(f => free.Contains(f.Id)).Take(Shown).ToList();
    }
}
