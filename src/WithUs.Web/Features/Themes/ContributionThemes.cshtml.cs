using WithUs.Web.Features.Voice;

namespace WithUs.Web.Features.Themes;

/// <summary>Choose the themes a contribution is in. Archived themes are offered only when it is already in them.</summary>
public sealed class ContributionThemesModel(WithUsDbContext db) : OrganisationPageModel
{
    public Guid ContributionId { get; private set; }

    public string ContributionText { get; private set; } = "";

    public IReadOnlyList<Theme> Choices { get; private set; } = [];

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await LoadAsync(contributionId, cancellationToken);

        Selected = contribution.Themes.Select(t => t.ThemeId).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await LoadAsync(contributionId, cancellationToken);

        var offered = Choices.Select(t => t.Id).ToHashSet();
        if (!ModelState.IsValid || Selected.Any(id => !offered.Contains(id)))
        {
            ModelState.AddModelError(nameof(Selected), "Choose from the themes listed");
            Selected = Selected.Where(offered.Contains).ToList();
            return Invalid();
        }

        var wanted = Selected.ToHashSet();
        db.ContributionThemes.RemoveRange(contribution.Themes.Where(t => !wanted.Contains(t.ThemeId)));
        foreach (var themeId in wanted.Where(id => contribution.Themes.All(t => t.ThemeId != id)))
        {
            db.ContributionThemes.Add(new ContributionTheme { Id = Ids.New(), ContributionId = contribution.Id, ThemeId = themeId });
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = "Themes saved.";
        return RedirectToPage("/Voice/Details", new { org = Slug, contributionId });
    }

    private async Task<Contribution> LoadAsync(Guid contributionId, CancellationToken cancellationToken)
    {
        var contribution = await db.Contributions.Include(c => c.Themes)
            .SingleAsync(c => c.Id == contributionId, cancellationToken);

        ContributionId = contribution.Id;
        ContributionText = contribution.Text;
        var current = contribution.Themes.Select(t => t.ThemeId).ToList();
        Choices = await db.Themes.AsNoTracking()
            .Where(t => !t.IsArchived || current.Contains(t.Id))
            .OrderBy(t => t.Name)
            .ToListAsync(cancellationToken);
        return contribution;
    }
}
